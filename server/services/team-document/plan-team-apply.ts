// The difference between the team as it is and a declarative document: what to create, update and (with prune)
// delete, plus every reason the document cannot be applied. Pure, so apply and --dry-run agree by construction.
import canonicalize from "canonicalize";
import type { TeamChange, TeamDocument } from "../../validation/team-document";
import { deploymentKey, priceKey } from "./export-team-document";

export interface TeamApplyPlan {
  changes: TeamChange[];
  unchanged: number;
  notes: string[];
  /** Why the document cannot be applied as written; non-empty means nothing may be written. */
  problems: string[];
}

type Field = TeamChange["fields"][number];

const same = (a: unknown, b: unknown) => canonicalize(a ?? null) === canonicalize(b ?? null);
const tags = (t: string[]) => [...new Set(t)].sort();

function diff<T extends object>(current: T, desired: T, keys: (keyof T & string)[]): Field[] {
  return keys.filter((k) => !same(current[k], desired[k])).map((k) => ({ field: k, from: current[k], to: desired[k] }));
}

function indexBy<T>(items: T[], key: (t: T) => string, what: string, problems: string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k)) problems.push(`the document lists ${what} '${k}' twice; keep one`);
    map.set(k, item);
  }
  return map;
}

export function planTeamApply(current: TeamDocument, desired: TeamDocument, prune: boolean): TeamApplyPlan {
  const changes: TeamChange[] = [];
  const notes: string[] = [];
  const problems: string[] = [];
  let unchanged = 0;
  const record = (kind: TeamChange["kind"], name: string, fields: Field[] | null) => {
    if (fields === null) changes.push({ action: "create", kind, name, fields: [] });
    else if (fields.length) changes.push({ action: "update", kind, name, fields });
    else unchanged++;
  };

  // Clouds: matched by name; the provider is what the cloud is, so it cannot change.
  const curClouds = new Map(current.clouds.map((c) => [c.name, c]));
  const docClouds = indexBy(desired.clouds, (c) => c.name, "cloud", problems);
  for (const c of docClouds.values()) {
    const cur = curClouds.get(c.name);
    if (cur && cur.provider !== c.provider)
      problems.push(
        `cloud '${c.name}' is ${cur.provider} in Tern, the document says ${c.provider}; a cloud's provider cannot change (use another name)`,
      );
    else record("cloud", c.name, cur ? [] : null);
  }

  // Clusters: matched and updated only; creating one needs credentials, which a document never carries.
  const curClusters = new Map(current.clusters.map((c) => [c.name, c]));
  const docClusters = indexBy(desired.clusters, (c) => c.name, "cluster", problems);
  for (const c of docClusters.values()) {
    const cur = curClusters.get(c.name);
    if (!cur) {
      problems.push(
        `cluster '${c.name}' is not in Tern, and a document carries no credentials, so apply cannot create it: import its kubeconfig first (Clusters → Import, as an admin), then apply again`,
      );
      continue;
    }
    if (cur.cloud !== c.cloud) {
      problems.push(
        `cluster '${c.name}' belongs to cloud '${cur.cloud}', not '${c.cloud}'; a cluster cannot change cloud`,
      );
      continue;
    }
    record(
      "cluster",
      c.name,
      diff({ ...cur, residencyTags: tags(cur.residencyTags) }, { ...c, residencyTags: tags(c.residencyTags) }, [
        "region",
        "prometheusUrl",
        "residencyTags",
      ]),
    );
  }
  if (prune) {
    const kept = [...curClusters.keys()].filter((n) => !docClusters.has(n));
    const keptClouds = [...curClouds.keys()].filter((n) => !docClouds.has(n));
    if (kept.length || keptClouds.length)
      notes.push("clouds and clusters are never pruned: remove them in the browser (they hold credentials)");
  }

  // GPU prices: keyed by provider × region × GPU type × effective date.
  const curPrices = new Map(current.gpuPrices.map((p) => [priceKey(p), p]));
  const docPrices = indexBy(desired.gpuPrices, priceKey, "GPU price", problems);
  for (const [k, p] of docPrices) {
    const cur = curPrices.get(k);
    record("gpuPrice", k, cur ? diff(cur, p, ["pricePerHour", "currency", "source"]) : null);
  }
  if (prune) for (const k of curPrices.keys()) if (!docPrices.has(k)) changes.push(del("gpuPrice", k));

  // Models and versions: versions are immutable, so a differing version is a problem, not an update.
  const curModels = new Map(current.models.map((m) => [m.name, m]));
  const docModels = indexBy(desired.models, (m) => m.name, "model", problems);
  const docDeployments = indexBy(desired.deployments, deploymentKey, "deployment", problems);
  // A pruned deployment's row stays until the reconciler has removed it, so its version is still in use.
  const inUse = (model: string, version?: string) =>
    current.deployments.some((d) => d.model === model && (version === undefined || d.version === version));
  for (const m of docModels.values()) {
    const cur = curModels.get(m.name);
    record(
      "model",
      m.name,
      cur
        ? diff({ ...cur, residencyTags: tags(cur.residencyTags) }, { ...m, residencyTags: tags(m.residencyTags) }, [
            "task",
            "framework",
            "description",
            "residencyTags",
          ])
        : null,
    );
    const curVersions = new Map((cur?.versions ?? []).map((v) => [v.version, v]));
    const docVersions = indexBy(m.versions, (v) => v.version, `version of model '${m.name}'`, problems);
    for (const v of docVersions.values()) {
      const name = `${m.name}:${v.version}`;
      const was = curVersions.get(v.version);
      if (!was) {
        if (v.goldenSet.length === 0)
          problems.push(`model version ${name}: the golden set needs at least one case ({ input, expected })`);
        else record("modelVersion", name, null);
        continue;
      }
      const differs = diff(was, v, ["format", "artifactUri", "sha256", "sizeBytes", "runtimeImage", "goldenSet"]);
      if (differs.length)
        problems.push(
          `model version ${name} differs from Tern's in ${differs.map((f) => f.field).join(", ")}; versions are immutable, give the change a new version`,
        );
      else unchanged++;
    }
    if (prune)
      for (const v of curVersions.keys())
        if (!docVersions.has(v)) {
          if (inUse(m.name, v))
            notes.push(`kept ${m.name}:${v}: deployments still run it (prune again once they are removed)`);
          else changes.push(del("modelVersion", `${m.name}:${v}`));
        }
  }
  if (prune)
    for (const name of curModels.keys())
      if (!docModels.has(name)) {
        if (inUse(name))
          notes.push(`kept model '${name}': deployments still run it (prune again once they are removed)`);
        else changes.push(del("model", name));
      }

  // Deployments: keyed by cluster/namespace/name; scaling and bounds change in place, what runs does not.
  const curDeployments = new Map(current.deployments.map((d) => [deploymentKey(d), d]));
  const versionKnown = (model: string, version: string) =>
    [...current.models, ...desired.models].some(
      (m) => m.name === model && m.versions.some((v) => v.version === version),
    );
  for (const [k, d] of docDeployments) {
    const cur = curDeployments.get(k);
    if (!curClusters.has(d.cluster)) {
      problems.push(`deployment ${k}: cluster '${d.cluster}' is not in Tern; import it first`);
      continue;
    }
    if (!versionKnown(d.model, d.version)) {
      problems.push(`deployment ${k}: model version ${d.model}:${d.version} is neither in Tern nor in the document`);
      continue;
    }
    if (!cur) {
      record("deployment", k, null);
      continue;
    }
    const fixed = diff(cur, d, ["model", "version", "gpuType", "gpusPerReplica"]);
    if (fixed.length) {
      problems.push(
        `deployment ${k}: ${fixed.map((f) => f.field).join(", ")} cannot change in place; deploy under a new name, or move it with \`tern migrate\``,
      );
      continue;
    }
    // Under autoscaling the cluster's HPA owns the replica count (as Argo CD users ignore spec.replicas under an
    // HPA): a document compares and sets only the bounds, or replicas would flap with every apply.
    const autoscaled = d.minReplicas < d.maxReplicas;
    record(
      "deployment",
      k,
      diff(cur, d, [...(autoscaled ? [] : (["replicas"] as const)), "minReplicas", "maxReplicas", "latencySloMs"]),
    );
  }
  if (prune) for (const k of curDeployments.keys()) if (!docDeployments.has(k)) changes.push(del("deployment", k));

  return { changes, unchanged, notes, problems };
}

const del = (kind: TeamChange["kind"], name: string): TeamChange => ({ action: "delete", kind, name, fields: [] });
