// The charts bench's world, on both sides of the join: Tern's rows (one team with the demo's three clusters,
// prices and deployments, server/dev-tools/demo/register-sim-fleet.ts) and the history a shared Prometheus would hold for
// them (the simulator's serving, replica and GPU series, labelled as the scrape labels them, plus Tern's own
// price and deployment gauges rendered from those rows, so cost is computed in PromQL as in production).
import type { PrismaClient } from "../db.ts";
import type { BackfillSeries } from "../dev-tools/local-prometheus/backfill.ts";
import { fleetBackfillSeries } from "../dev-tools/local-prometheus/fleet-backfill.ts";
import { loadTernMetricsInput } from "../services/metrics/export-tern-metrics.ts";

/** The demo fleet: one deployment per cloud; the first is the one the bench charts. */
const FLEET = [
  {
    cluster: "aws-use1-gpu",
    provider: "AWS",
    region: "us-east-1",
    model: "credit-risk",
    gpuType: "A10G",
    replicas: 2,
    sloMs: 120,
    price: 1.21,
  },
  {
    cluster: "gcp-euw4-gpu",
    provider: "GCP",
    region: "europe-west4",
    model: "sentiment",
    gpuType: "L4",
    replicas: 2,
    sloMs: 200,
    price: 0.71,
  },
  {
    cluster: "ack-hangzhou",
    provider: "ALIYUN",
    region: "cn-hangzhou",
    model: "ranker",
    gpuType: "A10",
    replicas: 1,
    sloMs: 300,
    price: 1.05,
  },
] as const;

const NAMESPACE = "models";
const GPUS_PER_NODE = 8;
/** The `job`/`instance` labels a scrape would attach; nothing scrapes them here, the history is all backfilled. */
const SIM_SCRAPE = { job: "tern-sim", instance: "127.0.0.1:1" };
const TERN_SCRAPE = { job: "tern", instance: "127.0.0.1:2" };

export interface SeededCharts {
  teamId: string;
  user: { id: string; email: string };
  /** The deployment the bench charts (the demo's credit-risk). */
  deploymentId: string;
  deploymentName: string;
  /** All series to backfill, for generateBackfill. */
  series: BackfillSeries[];
}

export async function seedCharts(prisma: PrismaClient): Promise<SeededCharts> {
  const team = await prisma.team.create({ data: { name: "Charts bench", slug: "charts-bench" } });
  // An operator may both make embed links and read charts.
  const user = await prisma.user.create({ data: { email: "charts-bench@tern.local", name: "Charts bench" } });
  await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: "OPERATOR" } });

  const deploymentIds: string[] = [];
  const clusterIds = new Map<string, string>();
  for (const f of FLEET) {
    const cloud = await prisma.cloud.create({
      data: { teamId: team.id, provider: f.provider, name: `${f.provider.toLowerCase()}-bench` },
    });
    // No prometheusUrl: the cluster's charts come from the shared Prometheus (TERN_PROMETHEUS_URL), filtered by
    // `tern_cluster_id`, which must equal this row's id.
    const cluster = await prisma.cluster.create({
      data: {
        teamId: team.id,
        cloudId: cloud.id,
        name: f.cluster,
        region: f.region,
        apiServer: "https://127.0.0.1:6443",
        credentialsCipher: "v1:bench",
      },
    });
    clusterIds.set(f.cluster, cluster.id);
    await prisma.gpuPrice.create({
      data: {
        teamId: team.id,
        provider: f.provider,
        region: f.region,
        gpuType: f.gpuType,
        pricePerHour: f.price,
        source: "bench",
        effectiveDate: new Date("2026-01-01"),
      },
    });
    const model = await prisma.model.create({
      data: { teamId: team.id, name: f.model, task: "classification", framework: "onnx" },
    });
    const version = await prisma.modelVersion.create({
      data: {
        teamId: team.id,
        modelId: model.id,
        version: "1.0.0",
        format: "ONNX",
        artifactUri: `s3://bench/${f.model}.onnx`,
        sha256: "a".repeat(64),
        sizeBytes: 10n,
        runtimeImage: "ghcr.io/tern/onnx-server:1",
      },
    });
    const d = await prisma.deployment.create({
      data: {
        teamId: team.id,
        clusterId: cluster.id,
        modelVersionId: version.id,
        namespace: NAMESPACE,
        name: f.model,
        replicas: f.replicas,
        readyReplicas: f.replicas,
        gpusPerReplica: 1,
        gpuType: f.gpuType,
        minReplicas: 1,
        maxReplicas: 8,
        latencySloMs: f.sloMs,
        phase: "Ready",
      },
    });
    deploymentIds.push(d.id);
  }

  const tern = await loadTernMetricsInput({ prisma });
  const series = fleetBackfillSeries({
    workloads: FLEET.map((f) => ({
      ...SIM_SCRAPE,
      cluster: f.cluster,
      clusterId: clusterIds.get(f.cluster),
      namespace: NAMESPACE,
      deployment: f.model,
      model: f.model,
      modelVersion: "1.0.0",
      replicas: f.replicas,
      gpusPerReplica: 1,
      gpuType: f.gpuType,
      // As the demo: a third of the SLO at low load.
      medianLatencyMs: f.sloMs / 3,
      peakRps: 7,
      errorRatio: 0.002,
    })),
    nodes: FLEET.map((f) => ({
      ...SIM_SCRAPE,
      cluster: f.cluster,
      clusterId: clusterIds.get(f.cluster),
      node: `${f.cluster}-${f.gpuType.toLowerCase()}`,
      gpuType: f.gpuType,
      gpus: GPUS_PER_NODE,
      region: f.region,
    })),
    tern: { ...TERN_SCRAPE, ...tern, now: new Date() },
  });
  return {
    teamId: team.id,
    user: { id: user.id, email: user.email },
    deploymentId: deploymentIds[0]!,
    deploymentName: FLEET[0].model,
    series,
  };
}
