// Loads what a migration plan is computed from: the source deployment, the target cluster and cloud,
// catalog prices, the GPU equivalence table and recent latency from Prometheus (unknown when absent).
import { AppError, notFound } from "../../errors";
import type { PlanInputs } from "../../migrations/plan/build-plan";
import type { Price } from "../../migrations/plan/monthly-cost";
import type { MigrationRequest } from "../../validation/migration";
import { clusterSelect, toClusterDto } from "../clusters/cluster-select";
import type { TeamScope } from "../context";
import { currentLatency } from "../metrics/current-latency";
import { loadChartDeployments } from "../metrics/load-cost-deployments";
import { settingsFromEnv } from "../metrics/resolve-prometheus";

async function latestPrice(
  opts: TeamScope & { provider: string; region: string; gpuType: string },
): Promise<Price | null> {
  const row = await opts.prisma.gpuPrice.findFirst({
    where: {
      teamId: opts.teamId,
      provider: opts.provider as never,
      region: opts.region,
      gpuType: opts.gpuType,
      effectiveDate: { lte: new Date() },
    },
    orderBy: { effectiveDate: "desc" },
    select: { pricePerHour: true, currency: true },
  });
  return row ? { pricePerHour: Number(row.pricePerHour), currency: row.currency } : null;
}

export async function loadThroughputTable(opts: Pick<TeamScope, "prisma" | "teamId">): Promise<Record<string, number>> {
  const rows = await opts.prisma.gpuEquivalence.findMany({
    where: { teamId: opts.teamId },
    select: { gpuType: true, throughput: true },
  });
  return Object.fromEntries(rows.map((r) => [r.gpuType, Number(r.throughput)]));
}

async function recentLatency(
  opts: TeamScope & { sourceId: string; targetClusterId: string; gpuType: string },
): Promise<PlanInputs["latency"]> {
  const settings = settingsFromEnv();
  const [source] = await loadChartDeployments({ ...opts, where: { id: opts.sourceId } });
  const peers = await loadChartDeployments({
    ...opts,
    where: { clusterId: opts.targetClusterId, gpuType: opts.gpuType, deletionRequestedAt: null },
  });
  const { items } = await currentLatency({
    deployments: [...(source ? [source] : []), ...peers.slice(0, 5)],
    settings,
  });
  const sourceP95 = items.find((i) => i.deployment.id === opts.sourceId)?.p95Ms ?? null;
  const peer = items.find((i) => i.deployment.id !== opts.sourceId && i.p95Ms !== null);
  return {
    sourceP95Ms: sourceP95,
    targetExpectedP95Ms: peer?.p95Ms ?? null,
    basis: peer
      ? `current p95 of '${peer.deployment.name}' on the target cluster (${opts.gpuType})`
      : `unknown: no recent latency on the target cluster for ${opts.gpuType}; verification measures it before any traffic moves`,
  };
}

export async function loadPlanInputs(opts: TeamScope & { input: MigrationRequest }): Promise<PlanInputs> {
  const { input } = opts;
  const d = await opts.prisma.deployment.findFirst({
    where: { id: input.deploymentId, teamId: opts.teamId },
    select: {
      id: true,
      namespace: true,
      name: true,
      replicas: true,
      gpusPerReplica: true,
      gpuType: true,
      latencySloMs: true,
      minReplicas: true,
      maxReplicas: true,
      artifactUri: true,
      deletionRequestedAt: true,
      cluster: {
        select: {
          id: true,
          name: true,
          region: true,
          residencyTags: true,
          cloud: { select: { id: true, name: true, provider: true, storeCredentialsCipher: true } },
        },
      },
      modelVersion: {
        select: {
          id: true,
          version: true,
          format: true,
          runtimeImage: true,
          artifactUri: true,
          sha256: true,
          sizeBytes: true,
          goldenSet: true,
          model: { select: { id: true, name: true, residencyTags: true } },
        },
      },
    },
  });
  if (!d) throw notFound("the deployment");
  if (d.deletionRequestedAt)
    throw new AppError("PRECONDITION_FAILED", `deployment '${d.name}' is being deleted; it cannot be migrated`);
  const row = await opts.prisma.cluster.findFirst({
    where: { id: input.targetClusterId, teamId: opts.teamId },
    select: {
      ...clusterSelect,
      cloud: {
        select: {
          id: true,
          name: true,
          provider: true,
          storeBucket: true,
          storeEndpoint: true,
          storeCredentialsCipher: true,
        },
      },
    },
  });
  if (!row)
    throw new AppError(
      "NOT_FOUND",
      "the target cluster was not found in this team; pick one from the list",
      "targetClusterId",
    );
  const { cloud, ...clusterRow } = row;
  const target = toClusterDto({ ...clusterRow, cloud: { id: cloud.id, name: cloud.name, provider: cloud.provider } });
  const v = d.modelVersion;
  const gpuTypes = Object.keys(target.gpuCapacity);
  const targetGpuType = input.targetGpuType || (gpuTypes.includes(d.gpuType) ? d.gpuType : null);

  const [sourcePrice, targetPrice, throughput, latency] = await Promise.all([
    latestPrice({ ...opts, provider: d.cluster.cloud.provider, region: d.cluster.region, gpuType: d.gpuType }),
    targetGpuType
      ? latestPrice({ ...opts, provider: cloud.provider, region: target.region, gpuType: targetGpuType })
      : Promise.resolve(null),
    loadThroughputTable(opts),
    recentLatency({ ...opts, sourceId: d.id, targetClusterId: target.id, gpuType: targetGpuType ?? d.gpuType }).catch(
      () => ({
        sourceP95Ms: null,
        targetExpectedP95Ms: null,
        basis: "unknown: Prometheus did not answer",
      }),
    ),
  ]);
  return {
    request: input,
    source: {
      deploymentId: d.id,
      namespace: d.namespace,
      name: d.name,
      replicas: d.replicas,
      gpusPerReplica: d.gpusPerReplica,
      gpuType: d.gpuType,
      latencySloMs: d.latencySloMs,
      minReplicas: d.minReplicas,
      maxReplicas: d.maxReplicas,
      cluster: {
        id: d.cluster.id,
        name: d.cluster.name,
        region: d.cluster.region,
        residencyTags: d.cluster.residencyTags,
      },
      cloud: {
        id: d.cluster.cloud.id,
        name: d.cluster.cloud.name,
        provider: d.cluster.cloud.provider,
        storeReady: d.cluster.cloud.storeCredentialsCipher !== null,
      },
    },
    target: {
      cluster: {
        id: target.id,
        name: target.name,
        region: target.region,
        residencyTags: target.residencyTags,
        gpuCapacity: target.gpuCapacity,
        health: target.health,
      },
      cloud: {
        id: cloud.id,
        name: cloud.name,
        provider: cloud.provider,
        storeBucket: cloud.storeBucket,
        storeReady: Boolean(cloud.storeEndpoint && cloud.storeBucket && cloud.storeCredentialsCipher),
      },
    },
    model: v.model,
    version: {
      id: v.id,
      version: v.version,
      format: v.format,
      runtimeImage: v.runtimeImage,
      // A deployment that already runs a copy (an earlier migration) is copied from where it runs.
      artifactUri: d.artifactUri ?? v.artifactUri,
      sha256: v.sha256,
      sizeBytes: Number(v.sizeBytes),
      goldenCases: Array.isArray(v.goldenSet) ? v.goldenSet.length : 0,
    },
    throughput,
    prices: { source: sourcePrice, target: targetPrice },
    latency,
  };
}
