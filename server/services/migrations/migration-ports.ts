// The executor's ports wired to the real parts: artifacts copied between the clouds' S3 stores, outputs
// compared through each cluster's API server (services/proxy), traffic weights set on the TrafficRouter and
// analysis read from Prometheus. Errors are sorted into "retry" (TransientError) and "check failed" (StepFailed).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { PrismaClient } from "../../generated/prisma/client";
import { connectStoredCluster } from "../../clusters/driver";
import { ArtifactTransferError, type ArtifactTransfer } from "../../migrations/artifacts/artifact-transfer";
import { keyInStore, parseArtifactUri } from "../../migrations/artifacts/artifact-uri";
import { createS3ArtifactTransfer } from "../../migrations/artifacts/s3-artifact-transfer";
import { singleFlightTransfer } from "../../migrations/artifacts/single-flight-transfer";
import { decryptStoreSettings, type ObjectStoreSettings } from "../../migrations/artifacts/store-settings";
import type { GoldenCaseResult, MigrationPorts } from "../../migrations/execute/ports";
import { StepFailed, TransientError } from "../../migrations/execute/step-errors";
import { inferFnFor } from "../../migrations/inference/infer-via-cluster";
import { TrafficRouterError, type TrafficRouter } from "../../migrations/traffic/traffic-router";
import { parseGoldenSet } from "../../migrations/verify/golden-set";
import { runGoldenSet, shadowCompare, type CaseDiff, type InferFn } from "../../migrations/verify/run-golden-set";
import { loadStoredClusters } from "../clusters/cluster-connection";
import { analyseDeployment } from "./analyse-deployment";
import { leasedTransfer } from "./leased-transfer";
import { underLease } from "../leases/lease";
import type { PrometheusSettings } from "../metrics/resolve-prometheus";
import { shadowInputs } from "../../migrations/verify/shadow-inputs";
import { errorMessage } from "../../domain/error-message";
import { migrationMessage } from "../../domain/migration-messages";

async function storeOfBucket(prisma: PrismaClient, teamId: string, bucket: string): Promise<ObjectStoreSettings> {
  const cloud = await prisma.cloud.findFirst({
    where: { teamId, storeBucket: bucket },
    select: { name: true, storeCredentialsCipher: true },
  });
  if (!cloud?.storeCredentialsCipher) throw new StepFailed(migrationMessage("noStoreForBucket", { bucket }));
  return decryptStoreSettings(cloud.storeCredentialsCipher);
}

async function driverFor(prisma: PrismaClient, clusterId: string) {
  const [row] = await loadStoredClusters({ prisma, ids: [clusterId] });
  if (!row) throw new StepFailed(migrationMessage("clusterGone"));
  return connectStoredCluster(row);
}

function toResult(c: CaseDiff, detail?: { expected?: unknown }): GoldenCaseResult {
  const first = c.error ?? c.mismatches[0]?.message ?? null;
  return { index: c.index, ok: c.match, maxAbsDiff: c.maxAbsDiff, message: c.match ? null : first, ...(detail ?? {}) };
}

/** Times each answer of `fn`, so the evidence shows what clients would see through the cluster. */
function timed(fn: InferFn, into: number[]): InferFn {
  return async (req) => {
    const t = performance.now();
    const r = await fn(req);
    into.push(Math.round((performance.now() - t) * 10) / 10);
    return r;
  };
}

export function createMigrationPorts(opts: {
  prisma: PrismaClient;
  router: TrafficRouter | null;
  transfer?: ArtifactTransfer;
  prometheus?: PrometheusSettings;
  /** How long a crashed process's artifact copy blocks the next copy of the same object (leasedTransfer's TTL). */
  copyLeaseTtlMs?: number;
  /** Runs a model's weight change exclusively across replicas; a database lease unless a test gives another. */
  trafficLock?: <T>(model: string, fn: () => Promise<T>) => Promise<T>;
}): MigrationPorts {
  const { prisma } = opts;
  const holder = `${hostname()}:${process.pid}`;
  const trafficLock =
    opts.trafficLock ??
    (<T>(model: string, fn: () => Promise<T>) =>
      underLease(
        { prisma, name: `traffic:${model}`, holder: `${holder}:${randomUUID()}`, ttlMs: 45_000, waitMs: 60_000 },
        fn,
      ));
  const chains = new Map<string, Promise<unknown>>();
  const serialized = <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const next = (chains.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
    chains.set(key, next);
    void next.finally(() => chains.get(key) === next && chains.delete(key)).catch(() => undefined);
    return next;
  };
  // One copy per target object at a time: in this process (no contention), and across replicas (a lease).
  const transfer = singleFlightTransfer(
    leasedTransfer({ prisma, inner: opts.transfer ?? createS3ArtifactTransfer(), ttlMs: opts.copyLeaseTtlMs }),
  );
  return {
    async copyArtifact(a) {
      const [source, target] = await Promise.all([
        storeOfBucket(prisma, a.teamId, parseArtifactUri(a.fromUri).bucket),
        storeOfBucket(prisma, a.teamId, parseArtifactUri(a.toUri).bucket),
      ]);
      try {
        const r = await transfer.copy({
          source: { store: source, uri: a.fromUri },
          target: { store: target, key: keyInStore(a.toUri, target) },
          sha256: a.sha256,
          sizeBytes: a.sizeBytes,
          signal: a.signal,
        });
        return { bytes: r.sizeBytes, sha256: r.sha256, skipped: r.skipped };
      } catch (e) {
        if (e instanceof ArtifactTransferError)
          throw e.retryable
            ? new TransientError(e.message)
            : new StepFailed(migrationMessage("nothingDeployed", { error: e.message }));
        throw e;
      }
    },

    async verify(a) {
      const [src, dst] = await Promise.all([
        driverFor(prisma, a.source.clusterId),
        driverFor(prisma, a.target.clusterId),
      ]);
      const latencies: number[] = [];
      const sourceFn = inferFnFor(src, {
        namespace: a.source.namespace,
        service: a.source.name,
        modelName: a.modelName,
        timeoutMs: 10_000,
      });
      const targetFn = timed(
        inferFnFor(dst, {
          namespace: a.target.namespace,
          service: a.target.name,
          modelName: a.modelName,
          timeoutMs: 10_000,
        }),
        latencies,
      );
      const golden = parseGoldenSet(a.goldenSet);
      const tolerance = { abs: a.tolerance.abs, rel: a.tolerance.rel };
      const g = await runGoldenSet(golden, targetFn, { tolerance });
      // A cluster that cannot be reached at all is an outage to retry, not a verdict on the outputs.
      if (g.cases.length && g.cases.every((c) => c.error !== undefined))
        throw new TransientError(`no golden case got an answer: ${g.cases[0]!.error}`);
      const inputs = shadowInputs(
        golden.map((c) => c.input),
        a.shadowSamples,
      );
      const s = await shadowCompare(inputs, sourceFn, targetFn, { tolerance });
      return {
        golden: g.cases.map((c) => toResult(c, { expected: golden[c.index]?.expected.outputs.map((o) => o.data) })),
        shadow: s.cases.map((c) => toResult(c)),
        targetLatencyMs: latencies,
      };
    },

    async probe(a) {
      const driver = await driverFor(prisma, a.target.clusterId);
      const fn = inferFnFor(driver, {
        namespace: a.target.namespace,
        service: a.target.name,
        modelName: a.modelName,
        timeoutMs: 10_000,
      });
      const inputs = shadowInputs(
        parseGoldenSet(a.goldenSet).map((c) => c.input),
        a.requests,
      );
      const answered = (await Promise.allSettled(inputs.map((i) => fn(i)))).filter(
        (r) => r.status === "fulfilled",
      ).length;
      return { answered };
    },

    async setTraffic(a) {
      const router = opts.router;
      if (!router) throw new StepFailed(migrationMessage("noTrafficRouter"));
      // One change per model at a time: concurrent migrations of one model read, merge and write in turn, so
      // none overwrites the others' backends; in this process a queue, across replicas a lease on the model's route.
      await serialized(a.modelName, async () => {
        try {
          await trafficLock(a.modelName, async () => {
            const wanted = a.backends.map((b) => ({
              cluster: b.clusterName,
              namespace: b.namespace,
              deployment: b.name,
              weight: b.weight,
            }));
            const owned = a.owned;
            const others = owned
              ? (await router.getWeights(a.modelName)).filter(
                  (w) =>
                    w.weight > 0 &&
                    !owned.some(
                      (o) => o.clusterName === w.cluster && o.namespace === w.namespace && o.name === w.deployment,
                    ),
                )
              : [];
            await router.setWeights(a.modelName, [...others, ...wanted], { timeoutMs: 30_000 });
          });
        } catch (e) {
          if (e instanceof TrafficRouterError && e.code === "invalid") throw new StepFailed(e.message);
          throw new TransientError(errorMessage(e));
        }
      });
    },

    analyse: (a) =>
      analyseDeployment({
        prisma,
        teamId: a.teamId,
        deploymentId: a.deploymentId,
        windowSeconds: a.windowSeconds,
        settings: opts.prometheus,
      }),
  };
}
