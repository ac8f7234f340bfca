// Makes the team match a declarative document in one transaction: the same validation and deployment preflight
// as the forms, deletes only with prune, and nothing written when any part is refused (or on a dry run).
import { AppError, fromPrismaError } from "../../errors";
import type { PrismaClient } from "../../generated/prisma/client";
import type { ApplyTeamDocumentResult, TeamDocument } from "../../validation/team-document";
import type { TeamScope } from "../context";
import { checkPrometheusUrl } from "../clusters/check-cluster-urls";
import { notifyDeploymentsChanged } from "../deployments/deployment-events";
import { preflightDeployment } from "../deployments/preflight-deployment";
import { toDate } from "../gpu-prices/gpu-price-select";
import { deploymentKey, exportTeamDocument, priceKey } from "./export-team-document";
import { planTeamApply } from "./plan-team-apply";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function applyTeamDocument(
  opts: TeamScope & { document: TeamDocument; dryRun: boolean; prune: boolean },
): Promise<ApplyTeamDocumentResult> {
  const { document: doc } = opts;
  const plan = planTeamApply(await exportTeamDocument(opts), doc, opts.prune);
  if (plan.problems.length)
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      `the document cannot be applied; nothing was changed:\n- ${plan.problems.join("\n- ")}`,
    );
  const result = { dryRun: opts.dryRun, changes: plan.changes, unchanged: plan.unchanged, notes: plan.notes };
  if (opts.dryRun || plan.changes.length === 0) return result;

  // Checks that reach outside the database run before the transaction (the same rule as a cluster edit).
  for (const c of plan.changes.filter((c) => c.kind === "cluster" && c.action === "update"))
    await checkPrometheusUrl(doc.clusters.find((d) => d.name === c.name)!.prometheusUrl ?? undefined);

  const touched: string[] = [];
  try {
    await opts.prisma.$transaction(
      async (tx) => {
        for (const change of plan.changes) await write(tx, opts, doc, change, touched);
      },
      { timeout: 60_000 },
    );
  } catch (e) {
    throw fromPrismaError(e, "an object in the document was created by someone else meanwhile; apply again") ?? e;
  }
  for (const id of touched) notifyDeploymentsChanged({ teamId: opts.teamId, deploymentId: id, reason: "spec" });
  return result;
}

async function write(
  tx: Tx,
  scope: TeamScope,
  doc: TeamDocument,
  change: ApplyTeamDocumentResult["changes"][number],
  touched: string[],
) {
  const { teamId } = scope;
  const { action, kind, name } = change;
  if (kind === "cloud") {
    const c = doc.clouds.find((c) => c.name === name)!;
    await tx.cloud.create({ data: { teamId, name: c.name, provider: c.provider } });
  } else if (kind === "cluster") {
    const c = doc.clusters.find((c) => c.name === name)!;
    await tx.cluster.update({
      where: { teamId_name: { teamId, name } },
      data: { region: c.region, prometheusUrl: c.prometheusUrl, residencyTags: [...new Set(c.residencyTags)] },
    });
  } else if (kind === "gpuPrice") {
    if (action === "delete") {
      const [provider, rest] = splitOnce(name, "/");
      const [region, rest2] = splitOnce(rest, "/");
      const [gpuType, day] = splitOnce(rest2, "@");
      await tx.gpuPrice.deleteMany({
        where: { teamId, provider: provider as never, region, gpuType, effectiveDate: toDate(day) },
      });
      return;
    }
    const p = doc.gpuPrices.find((p) => priceKey(p) === name)!;
    const key = { provider: p.provider, region: p.region, gpuType: p.gpuType, effectiveDate: toDate(p.effectiveDate) };
    await tx.gpuPrice.upsert({
      where: { teamId_provider_region_gpuType_effectiveDate: { teamId, ...key } },
      create: { teamId, ...key, pricePerHour: p.pricePerHour, currency: p.currency, source: p.source },
      update: { pricePerHour: p.pricePerHour, currency: p.currency, source: p.source },
    });
  } else if (kind === "model") {
    if (action === "delete") {
      await tx.model.delete({ where: { teamId_name: { teamId, name } } });
      return;
    }
    const m = doc.models.find((m) => m.name === name)!;
    const data = {
      task: m.task,
      framework: m.framework,
      description: m.description,
      residencyTags: [...new Set(m.residencyTags)],
    };
    await tx.model.upsert({
      where: { teamId_name: { teamId, name } },
      create: { teamId, name, ...data },
      update: data,
    });
  } else if (kind === "modelVersion") {
    const [modelName, version] = splitOnce(name, ":");
    const model = await tx.model.findUniqueOrThrow({ where: { teamId_name: { teamId, name: modelName } } });
    if (action === "delete") {
      await tx.modelVersion.delete({ where: { modelId_version: { modelId: model.id, version } } });
      return;
    }
    const v = doc.models.find((m) => m.name === modelName)!.versions.find((v) => v.version === version)!;
    await tx.modelVersion.create({
      data: {
        teamId,
        modelId: model.id,
        version,
        format: v.format,
        artifactUri: v.artifactUri,
        sha256: v.sha256,
        sizeBytes: BigInt(v.sizeBytes),
        runtimeImage: v.runtimeImage,
        // tsc needs the JSON cast; the type-aware linter resolves the generated Prisma types looser.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        goldenSet: v.goldenSet as object[],
      },
    });
  } else {
    await writeDeployment(tx, scope, doc, change, touched);
  }
}

async function writeDeployment(
  tx: Tx,
  scope: TeamScope,
  doc: TeamDocument,
  change: ApplyTeamDocumentResult["changes"][number],
  touched: string[],
) {
  const { teamId } = scope;
  const [clusterName, namespace, name] = change.name.split("/") as [string, string, string];
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { teamId_name: { teamId, name: clusterName } } });
  const where = { clusterId_namespace_name: { clusterId: cluster.id, namespace, name } };
  if (change.action === "delete") {
    const row = await tx.deployment.update({
      where,
      data: { deletionRequestedAt: new Date(), specGeneration: { increment: 1 }, phase: "Terminating" },
    });
    touched.push(row.id);
    return;
  }
  const d = doc.deployments.find((d) => deploymentKey(d) === change.name)!;
  const spec = {
    replicas: d.replicas,
    minReplicas: d.minReplicas,
    maxReplicas: d.maxReplicas,
    latencySloMs: d.latencySloMs,
  };
  if (change.action === "update") {
    // Replicas only where the plan compared them (not under autoscaling, where the HPA owns them).
    const { replicas, ...bounds } = spec;
    const data = change.fields.some((f) => f.field === "replicas") ? { ...bounds, replicas } : bounds;
    const row = await tx.deployment.update({
      where,
      data: { ...data, specGeneration: { increment: 1 }, lastError: null },
    });
    touched.push(row.id);
    return;
  }
  const version = await tx.modelVersion.findFirstOrThrow({
    where: { teamId, version: d.version, model: { name: d.model } },
  });
  const target = {
    clusterId: cluster.id,
    modelVersionId: version.id,
    gpuType: d.gpuType,
    gpusPerReplica: d.gpusPerReplica,
    replicas: d.replicas,
  };
  // The same preflight as the deploy form, on the transaction (the version may be created by this apply);
  // it only reads the cluster and version rows, which a transaction client answers like the full client.
  const preflight = await preflightDeployment({ ...scope, prisma: tx as unknown as PrismaClient, input: target });
  if (!preflight.ok)
    throw new AppError(
      "PRECONDITION_FAILED",
      `deployment ${change.name} was refused, so nothing was changed: ${preflight.problems.join("; ")}`,
    );
  const row = await tx.deployment.create({
    data: { teamId, ...target, ...spec, namespace, name, phase: "Pending" },
  });
  touched.push(row.id);
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return [s.slice(0, i), s.slice(i + sep.length)];
}
