// Builds a migration plan from what Tern knows (pure: the service loads the inputs). Refusals are
// problems in words; the plan is still returned so the page can show the forecast beside them.
import type { MigrationPlan, MigrationRequest } from "../../validation/migration";
import { runtimeFormats } from "../../services/deployments/runtime-formats";
import { costForecast, type Price } from "./monthly-cost";
import { equivalentReplicas, throughputOf } from "./gpu-equivalence";
import { targetArtifactUri } from "./artifact-location";
import type { ModelFormat } from "../../generated/prisma/enums";
import { migrationMessage } from "../../domain/migration-messages";

type Capacity = Record<string, { allocatable: number; allocated: number }>;

export interface PlanInputs {
  request: MigrationRequest;
  source: {
    deploymentId: string;
    namespace: string;
    name: string;
    replicas: number;
    gpusPerReplica: number;
    gpuType: string;
    latencySloMs: number;
    minReplicas: number;
    maxReplicas: number;
    cluster: { id: string; name: string; region: string; residencyTags: string[] };
    cloud: { id: string; name: string; provider: string; storeReady: boolean };
  };
  target: {
    cluster: {
      id: string;
      name: string;
      region: string;
      residencyTags: string[];
      gpuCapacity: Capacity;
      health: string;
    };
    cloud: { id: string; name: string; provider: string; storeBucket: string | null; storeReady: boolean };
  };
  model: { id: string; name: string; residencyTags: string[] };
  version: {
    id: string;
    version: string;
    format: ModelFormat;
    runtimeImage: string;
    artifactUri: string;
    sha256: string;
    sizeBytes: number;
    goldenCases: number;
  };
  throughput: Record<string, number>;
  /** A TrafficRouter is configured (it shifts the model's stable endpoint between the two). */
  trafficRouter: boolean;
  prices: { source: Price | null; target: Price | null };
  latency: { sourceP95Ms: number | null; targetExpectedP95Ms: number | null; basis: string };
}

/** Copy throughput assumed for the estimate (S3 between regions commonly sustains 100–250 MiB/s). */
const COPY_BYTES_PER_SECOND = 100 * 1024 * 1024;
const READY_TIMEOUT_SECONDS = 300;

export function buildPlan(i: PlanInputs): { plan: MigrationPlan; problems: string[] } {
  const { request: r, source: s, target: t, version: v } = i;
  const problems: string[] = [];
  const warnings: string[] = [];
  const checks: MigrationPlan["checks"] = [];
  const check = (id: MigrationPlan["checks"][number]["id"], ok: boolean, message: string) => {
    checks.push({ id, ok, message });
    if (!ok) problems.push(message);
  };

  if (t.cluster.id === s.cluster.id)
    problems.push(`the deployment already runs on '${t.cluster.name}'; pick another cluster`);

  const gpuTypes = Object.keys(t.cluster.gpuCapacity).sort();
  const free = (type: string) => {
    const g = t.cluster.gpuCapacity[type];
    return g ? g.allocatable - g.allocated : null;
  };
  const gpuType =
    r.targetGpuType ||
    (gpuTypes.includes(s.gpuType)
      ? s.gpuType
      : ([...gpuTypes].sort((a, b) => (free(b) ?? 0) - (free(a) ?? 0))[0] ?? s.gpuType));
  const sourceThroughput = throughputOf(s.gpuType, i.throughput);
  const targetThroughput = throughputOf(gpuType, i.throughput);
  if (gpuType !== s.gpuType && (sourceThroughput === null || targetThroughput === null)) {
    warnings.push(
      `no throughput figure for ${sourceThroughput === null ? s.gpuType : gpuType}; the target keeps ${s.replicas} replicas — add it to the GPU equivalence table`,
    );
  }
  const replicas = equivalentReplicas({ replicas: s.replicas, sourceThroughput, targetThroughput });
  const needed = replicas * s.gpusPerReplica;
  const freeNow = free(gpuType);
  check(
    "capacity",
    needed === 0 || (freeNow !== null && freeNow >= needed),
    freeNow === null
      ? migrationMessage("checkNoGpuType", {
          cluster: t.cluster.name,
          gpuType,
          gpuTypes: gpuTypes.join(", ") || "none",
        })
      : freeNow >= needed
        ? migrationMessage("checkCapacityOk", { needed, gpuType, free: freeNow, cluster: t.cluster.name })
        : migrationMessage("checkCapacityShort", { needed, gpuType, replicas, free: freeNow, cluster: t.cluster.name }),
  );

  const required = i.model.residencyTags;
  const residencyOk = required.length === 0 || required.some((tag) => t.cluster.residencyTags.includes(tag));
  check(
    "residency",
    residencyOk,
    residencyOk
      ? required.length
        ? migrationMessage("checkResidencyOk", {
            model: i.model.name,
            zones: required.join(" or "),
            cluster: t.cluster.name,
            tags: t.cluster.residencyTags.join(", "),
          })
        : migrationMessage("checkNoResidency", { model: i.model.name })
      : migrationMessage("checkResidencyRefused", {
          model: i.model.name,
          zones: required.join(" or "),
          cluster: t.cluster.name,
          tags: t.cluster.residencyTags.join(", ") || "with no residency",
        }),
  );

  const formats = runtimeFormats(v.runtimeImage);
  const formatOk = formats === null || formats.includes(v.format);
  check(
    "format",
    formatOk,
    formatOk
      ? migrationMessage("checkFormatOk", { image: v.runtimeImage, format: v.format })
      : migrationMessage("checkFormatRefused", { image: v.runtimeImage, format: v.format }),
  );
  if (formats === null)
    warnings.push(`Tern does not recognise runtime image ${v.runtimeImage}; check that it serves ${v.format}`);

  const healthy = t.cluster.health !== "UNREACHABLE";
  check(
    "health",
    healthy,
    healthy
      ? migrationMessage("checkHealthOk", { cluster: t.cluster.name, health: t.cluster.health.toLowerCase() })
      : migrationMessage("checkUnreachable", { cluster: t.cluster.name }),
  );

  const sameCloud = t.cloud.id === s.cloud.id;
  const targetStoreOk = t.cloud.storeReady && t.cloud.storeBucket !== null;
  const storeOk = sameCloud || (targetStoreOk && s.cloud.storeReady);
  check(
    "store",
    storeOk,
    sameCloud
      ? migrationMessage("checkSameCloud", { cloud: t.cloud.name })
      : storeOk
        ? migrationMessage("checkStoreCopy", { cloud: t.cloud.name, bucket: t.cloud.storeBucket ?? "" })
        : migrationMessage("checkNoStore", { cloud: targetStoreOk ? s.cloud.name : t.cloud.name }),
  );
  check(
    "golden",
    v.goldenCases > 0,
    v.goldenCases > 0
      ? migrationMessage("checkGoldenOk", { count: v.goldenCases })
      : migrationMessage("checkNoGolden", { version: v.version }),
  );

  check(
    "traffic",
    i.trafficRouter,
    i.trafficRouter
      ? migrationMessage("checkTrafficOk", { steps: r.trafficSteps.join(" → ") })
      : migrationMessage("checkNoTrafficRouter"),
  );

  const copySeconds = sameCloud ? 0 : Math.ceil(v.sizeBytes / COPY_BYTES_PER_SECOND) + 2;
  const overlapSeconds = copySeconds + 120 + r.trafficSteps.length * r.analysisSeconds + r.drainGraceSeconds;
  const cost = costForecast({
    source: i.prices.source,
    target: i.prices.target,
    sourceGpus: s.replicas * s.gpusPerReplica,
    targetGpus: needed,
    overlapHours: overlapSeconds / 3600,
  });

  const plan: MigrationPlan = {
    version: 1,
    source: {
      deploymentId: s.deploymentId,
      clusterId: s.cluster.id,
      clusterName: s.cluster.name,
      cloudName: s.cloud.name,
      provider: s.cloud.provider,
      region: s.cluster.region,
      residencyTags: s.cluster.residencyTags,
      namespace: s.namespace,
      name: s.name,
      gpuType: s.gpuType,
      gpusPerReplica: s.gpusPerReplica,
      replicas: s.replicas,
      latencySloMs: s.latencySloMs,
      minReplicas: s.minReplicas,
      maxReplicas: s.maxReplicas,
    },
    target: {
      clusterId: t.cluster.id,
      clusterName: t.cluster.name,
      cloudName: t.cloud.name,
      provider: t.cloud.provider,
      region: t.cluster.region,
      residencyTags: t.cluster.residencyTags,
      namespace: s.namespace,
      name: s.name,
      gpuType,
      gpusPerReplica: s.gpusPerReplica,
      replicas,
    },
    model: {
      id: i.model.id,
      name: i.model.name,
      versionId: v.id,
      version: v.version,
      format: v.format,
      runtimeImage: v.runtimeImage,
      artifactUri: v.artifactUri,
      targetArtifactUri: sameCloud
        ? v.artifactUri
        : t.cloud.storeBucket
          ? safeTargetUri(v.artifactUri, t.cloud.storeBucket)
          : null,
      sha256: v.sha256,
      sizeBytes: v.sizeBytes,
      residencyTags: required,
      goldenCases: v.goldenCases,
    },
    checks,
    capacity: {
      gpuType,
      needed,
      free: freeNow,
      sourceThroughput: sourceThroughput ?? 1,
      targetThroughput: targetThroughput ?? 1,
    },
    cost,
    latency: { sloMs: s.latencySloMs, ...i.latency },
    artifact: { sizeBytes: v.sizeBytes, estimatedCopySeconds: copySeconds },
    traffic: {
      steps: r.trafficSteps,
      analysisSeconds: r.analysisSeconds,
      minRequests: r.minRequests,
      maxErrorRatio: 0.01,
    },
    verification: {
      absTolerance: 1e-4,
      relTolerance: 1e-3,
      shadowSamples: 8,
      readyTimeoutSeconds: READY_TIMEOUT_SECONDS,
    },
    drainGraceSeconds: r.drainGraceSeconds,
    rollback: [
      "any failed check, a crash-looping target, a cluster API outage past its retries or an abort rolls back",
      "traffic returns to the source first (100 %), then the target deployment is removed",
      "the source keeps running until the target is verified and all traffic has moved",
    ],
    warnings,
  };
  if (i.latency.targetExpectedP95Ms !== null && i.latency.targetExpectedP95Ms > s.latencySloMs) {
    warnings.push(
      `expected p95 on the target (${Math.round(i.latency.targetExpectedP95Ms)} ms) is above the SLO of ${s.latencySloMs} ms; the migration will roll back if it stays there`,
    );
  }
  return { plan, problems };
}

function safeTargetUri(uri: string, bucket: string): string | null {
  try {
    return targetArtifactUri(uri, { bucket });
  } catch {
    return null;
  }
}
