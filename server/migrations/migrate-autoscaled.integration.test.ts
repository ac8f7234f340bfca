// A migration of an autoscaled deployment between two simulated clusters, through the real run store and the real
// deployment reconciler (ports faked): the target gets the source's HorizontalPodAutoscaler (bounds, metric and
// target), the source's HPA goes with the retired source, and a rollback leaves the source's HPA as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimTestCluster, type SimTestCluster } from "../test/sim-test-cluster";
import { createTestDb, type TestDb } from "../test/test-db";
import { callerAs } from "../test/fixtures";
import { createMigrationScenario, fakePorts, type MigrationScenario } from "../test/migration-scenario";
import { encryptClusterCredentials, getEncryptionKey } from "../crypto/credentials";
import { startDeploymentReconciler, type Reconciler } from "../workers/deployment-reconciler";
import { createMigrationRunStore } from "../services/migrations/migration-run-store";
import { acquireLease } from "../services/leases/lease";
import { runMigration } from "./execute/run-migration";
import type { MigrationPorts } from "./execute/ports";

let db: TestDb;
let source: SimTestCluster;
let target: SimTestCluster;
let reconciler: Reconciler;
let stopReady: () => void;

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false> | T | null | undefined | false) {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function pointAt(clusterId: string, sim: SimTestCluster) {
  await db.prisma.cluster.update({
    where: { id: clusterId },
    data: {
      apiServer: sim.url,
      credentialsCipher: encryptClusterCredentials(
        { token: sim.token, certificateAuthorityData: sim.ca },
        getEncryptionKey(),
        clusterId,
      ),
    },
  });
}

/** A scenario whose source runs on `source` under an HPA of 2–6 replicas on 8 requests in flight per replica. */
async function autoscaledScenario(slug: string): Promise<MigrationScenario> {
  const s = await createMigrationScenario(db.prisma, slug);
  await pointAt(s.clusterId, source);
  await pointAt(s.targetClusterId, target);
  await db.prisma.deployment.update({
    where: { id: s.deploymentId },
    data: {
      replicas: 2,
      minReplicas: 2,
      maxReplicas: 6,
      autoscaleMetric: "CONCURRENCY",
      autoscaleTarget: 8,
      specGeneration: { increment: 1 },
    },
  });
  void reconciler.runOnce();
  await until("the source's HPA", () => source.store.get("horizontalpodautoscalers", "models", `d-${slug}`));
  return s;
}

async function migrate(s: MigrationScenario, ports: MigrationPorts) {
  const op = await callerAs(db.prisma, s.users.OPERATOR, s.teamId);
  const m = await op.migration.request({
    deploymentId: s.deploymentId,
    targetClusterId: s.targetClusterId,
    trafficSteps: [100],
    analysisSeconds: 5,
    drainGraceSeconds: 0,
  });
  await (
    await callerAs(db.prisma, s.users.APPROVER, s.teamId)
  ).approval.approve({ migrationId: m.id, planHash: m.planHash });
  const lease = await acquireLease({ prisma: db.prisma, name: `migration:${m.id}`, holder: "w1", ttlMs: 60_000 });
  const state = await runMigration({
    id: m.id,
    fencing: lease!.fencing,
    store: createMigrationRunStore(db.prisma),
    ports,
    signal: new AbortController().signal,
    retryDelayMs: () => 10,
  });
  return { id: m.id, state };
}

const hpaSpec = (slug: string) => ({
  scaleTargetRef: { kind: "Deployment", name: `d-${slug}` },
  minReplicas: 2,
  maxReplicas: 6,
  metrics: [{ type: "Pods", pods: { metric: { name: "inference_concurrency" }, target: { averageValue: "8" } } }],
});

beforeAll(async () => {
  db = await createTestDb();
  [source, target] = await Promise.all([startSimTestCluster(), startSimTestCluster()]);
  source.addNode("gpu-a", "H100", 8);
  target.addNode("gpu-b", "H100", 8);
  reconciler = startDeploymentReconciler({ prisma: db.prisma, tickMs: 100, leaseTtlMs: 60_000 });
  // Plays the status sync: a new target reports all its replicas ready (readyTargets reports one; these run two).
  const timer = setInterval(() => {
    void db.prisma.$executeRaw`
      UPDATE "Deployment" SET "phase" = 'Ready', "readyReplicas" = "replicas", "availableReplicas" = "replicas"
      WHERE "phase" = 'Pending' AND "deletionRequestedAt" IS NULL`.catch(() => {});
  }, 100);
  stopReady = () => clearInterval(timer);
});

afterAll(async () => {
  stopReady?.();
  reconciler?.stop();
  await Promise.all([source?.close(), target?.close()]);
  await db?.close();
});

describe("migrating an autoscaled deployment", () => {
  it("gives the target the source's HPA and removes the source's HPA with the source", async () => {
    const s = await autoscaledScenario("hpa1");
    const { id, state } = await migrate(s, fakePorts());
    expect(state).toBe("SUCCEEDED");

    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id }, select: { targetDeploymentId: true } });
    const row = await db.prisma.deployment.findUniqueOrThrow({ where: { id: m.targetDeploymentId! } });
    expect(row).toMatchObject({ minReplicas: 2, maxReplicas: 6, autoscaleMetric: "CONCURRENCY", autoscaleTarget: 8 });
    const hpa = await until("the target's HPA", () => target.store.get("horizontalpodautoscalers", "models", "d-hpa1"));
    expect(hpa.spec).toMatchObject(hpaSpec("hpa1"));

    await until(
      "the source retired",
      async () => (await db.prisma.deployment.count({ where: { id: s.deploymentId } })) === 0,
    );
    expect(source.store.get("horizontalpodautoscalers", "models", "d-hpa1")).toBeUndefined();
    expect(source.store.get("deployments", "models", "d-hpa1")).toBeUndefined();
  }, 120_000);

  it("leaves the source's HPA alone when the migration rolls back", async () => {
    const s = await autoscaledScenario("hpa2");
    const before = source.store.get("horizontalpodautoscalers", "models", "d-hpa2")!;
    const { id, state } = await migrate(s, fakePorts({ goldenOk: false }));
    expect(state).toBe("ROLLED_BACK");

    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id }, select: { targetDeploymentId: true } });
    await until(
      "the target removed",
      async () => (await db.prisma.deployment.count({ where: { id: m.targetDeploymentId! } })) === 0,
    );
    expect(target.store.get("horizontalpodautoscalers", "models", "d-hpa2")).toBeUndefined();
    const after = source.store.get("horizontalpodautoscalers", "models", "d-hpa2");
    expect(after?.metadata.uid).toBe(before.metadata.uid);
    expect(after?.spec).toMatchObject(hpaSpec("hpa2"));
    expect(source.store.get("deployments", "models", "d-hpa2")).toBeDefined();
  }, 120_000);
});
