// Names to ids: commands take what people type (a deployment's name, a cluster's name, model:version) and find
// the one object it means, or say why not (not found: exit 4; ambiguous: exit 2 with the choices).
import type { TernClient } from "./client";
import { CliError, EXIT } from "./errors";

export interface DeploymentRow {
  id: string;
  name: string;
  namespace: string;
  replicas: number;
  readyReplicas: number;
  gpusPerReplica: number;
  gpuType: string;
  latencySloMs: number;
  phase: string;
  endpoint: string | null;
  cluster: { id: string; name: string; region: string };
  modelVersion: { id: string; version: string; model: { id: string; name: string } };
}
export interface ClusterRow {
  id: string;
  name: string;
  region: string;
  health: string;
  residencyTags: string[];
  cloud: { name: string; provider: string };
  gpuCapacity: Record<string, { allocatable: number; allocated: number }>;
}
export interface ModelRow {
  id: string;
  name: string;
  task: string;
  framework: string;
  versionCount: number;
  latestVersion: string | null;
}

const looksLikeId = (s: string) => /^c[a-z0-9]{20,30}$/.test(s);

/** A deployment by id, by name, or as cluster/name or cluster/namespace/name when the name repeats. */
export async function findDeployment(client: TernClient, ref: string): Promise<DeploymentRow> {
  const parts = ref.split("/");
  const name = parts[parts.length - 1]!;
  const rows = await client.all<DeploymentRow>("/deployments", { q: looksLikeId(ref) ? undefined : name });
  const byId = rows.find((d) => d.id === ref);
  if (byId) return byId;
  const matches = rows.filter(
    (d) =>
      d.name === name &&
      (parts.length < 2 || d.cluster.name === parts[0]) &&
      (parts.length < 3 || d.namespace === parts[1]),
  );
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0)
    throw new CliError(EXIT.NOT_FOUND, `no deployment '${ref}' in this team; \`tern deployments list\` shows them`);
  throw new CliError(
    EXIT.USAGE,
    `'${ref}' names ${matches.length} deployments; say which as cluster/name: ${matches.map((d) => `${d.cluster.name}/${d.name}`).join(", ")}`,
  );
}

export async function findCluster(client: TernClient, ref: string): Promise<ClusterRow> {
  const rows = await client.all<ClusterRow>("/clusters", { q: looksLikeId(ref) ? undefined : ref });
  const found = rows.find((c) => c.id === ref || c.name === ref);
  if (!found) throw new CliError(EXIT.NOT_FOUND, `no cluster '${ref}' in this team; \`tern clusters list\` shows them`);
  return found;
}

/** model or model:version; without a version, the model's latest. */
export async function findModelVersion(
  client: TernClient,
  ref: string,
): Promise<{ model: string; version: string; id: string; format: string }> {
  const [name, wanted] = ref.split(":") as [string, string | undefined];
  const model = (await client.all<ModelRow>("/models", { q: name })).find((m) => m.name === name);
  if (!model) throw new CliError(EXIT.NOT_FOUND, `no model '${name}' in this team; \`tern models list\` shows them`);
  const detail = await client.get<{ versions: { id: string; version: string; format: string; createdAt: string }[] }>(
    `/models/${model.id}`,
  );
  const version = wanted
    ? detail.versions.find((v) => v.version === wanted)
    : [...detail.versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!version)
    throw new CliError(
      EXIT.NOT_FOUND,
      wanted
        ? `model '${name}' has no version '${wanted}' (it has ${detail.versions.map((v) => v.version).join(", ") || "none"})`
        : `model '${name}' has no versions yet`,
    );
  return { model: name, version: version.version, id: version.id, format: version.format };
}
