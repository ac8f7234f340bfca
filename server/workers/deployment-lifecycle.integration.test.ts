// A deployment's whole life through Tern's real services and workers against one simulated cluster: preflight and
// create, the reconciler applying it through the driver, the status sync recording it Ready with its pods, an
// outside `kubectl scale` adopted as the desired count, and deletion removing it from the cluster and from Tern.
import { AppsV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimTestCluster, type SimTestCluster } from "../test/sim-test-cluster";
import type { ObjectStore } from "@tern/sim/apiserver";
import { importCluster } from "../services/clusters/import-cluster";
import { createDeployment } from "../services/deployments/create-deployment";
import { deleteDeployment, scaleDeployment } from "../services/deployments/change-deployment";
import { listPendingChanges } from "../services/deployments/pending-changes";
import { preflightDeployment } from "../services/deployments/preflight-deployment";
import { createTeamFixture, type TeamFixture } from "../test/fixtures";
import { createTestDb, type TestDb } from "../test/test-db";
import { ZImportClusterRequest } from "../validation/cluster";
import { ZCreateDeploymentRequest } from "../validation/deployment";
import { startDeploymentReconciler, type Reconciler } from "./deployment-reconciler";
import { startStatusSync } from "./status-sync";

const NS = "models";
const NAME = "scorer";

/** Polls `fn` until it returns something truthy; fails with `what` after the deadline (never a fixed sleep). */
async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Stands in for the deployment and replicaset controllers and the kubelet: keeps one Running, Ready pod per
 * desired replica (owned by the Deployment, so deleting it cascades), replaces lost pods and reports the counts in
 * its status.
 */
function podController(store: ObjectStore): () => void {
  let seq = 0;
  const settle = (name: string, namespace: string) => {
    const d = store.get("deployments", namespace, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const want = Number(d.spec?.replicas ?? 1);
    const template = d.spec?.template as
      { metadata?: { labels?: Record<string, string> }; spec?: Record<string, unknown> } | undefined;
    const labels = template?.metadata?.labels ?? {};
    const selector = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
    const pods = store.list("pods", { namespace, labelSelector: selector }).items;
    for (const extra of pods.slice(want)) store.delete("pods", namespace, extra.metadata.name);
    for (let i = pods.length; i < want; i++) {
      store.create("pods", {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: `${name}-7c9d-${++seq}`,
          namespace,
          labels,
          ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name, uid: d.metadata.uid, controller: true }],
        },
        spec: { ...template?.spec, nodeName: "gpu-1" },
        status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
      });
    }
    store.mutate(
      "deployments",
      namespace,
      name,
      (o) => {
        o.status = {
          observedGeneration: o.metadata.generation,
          replicas: want,
          updatedReplicas: want,
          readyReplicas: want,
          availableReplicas: want,
        };
      },
      { subresource: "status" },
    );
  };
  // Store watchers run inside the write; a controller reacts on a later tick.
  const later = (name: string, namespace: string | undefined) => {
    if (namespace) setImmediate(() => settle(name, namespace));
  };
  const offDeployments = store.watch("deployments", {}, (e) => {
    if (e.type === "ADDED" || e.type === "MODIFIED") later(e.object.metadata.name, e.object.metadata.namespace);
  });
  // A lost pod is replaced, as its ReplicaSet would.
  const offPods = store.watch("pods", {}, (e) => {
    const owner = e.object.metadata.ownerReferences?.find((r) => r.kind === "Deployment");
    if (e.type === "DELETED" && owner) later(owner.name, e.object.metadata.namespace);
  });
  return () => {
    offDeployments();
    offPods();
  };
}

let db: TestDb;
let team: TeamFixture;
let sim: SimTestCluster;
let stopController: () => void;
let reconciler: Reconciler;
let sync: ReturnType<typeof startStatusSync>;
let clusterId: string;
const logs: string[] = [];

beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "life");
  // The fixture's own deployment sits on a cluster that does not exist: settle it, so only this test's changes are pending.
  const fixture = await db.prisma.deployment.findUniqueOrThrow({
    where: { id: team.deploymentId },
    select: { specGeneration: true },
  });
  await db.prisma.deployment.update({
    where: { id: team.deploymentId },
    data: { appliedGeneration: fixture.specGeneration },
  });
  sim = await startSimTestCluster();
  sim.addNode("gpu-1", "H100", 4);
  stopController = podController(sim.store);
  const cluster = await importCluster({
    prisma: db.prisma,
    teamId: team.teamId,
    userId: team.users.ADMIN.id,
    role: "ADMIN",
    input: ZImportClusterRequest.parse({
      source: "token",
      cloudId: team.cloudId,
      name: "sim-life",
      region: "us-east-1",
      residencyTags: "us",
      apiServer: sim.url,
      token: sim.token,
      certificateAuthorityData: sim.ca,
    }),
  });
  clusterId = cluster.id;
  reconciler = startDeploymentReconciler({
    prisma: db.prisma,
    holder: "life-test",
    log: (m) => logs.push(m),
    // No periodic pass: the test runs each pass itself (changes still wake it, as in production).
    tickMs: 3_600_000,
  });
  sync = startStatusSync({ prisma: db.prisma, holder: "life-test", log: (m) => logs.push(m) });
});

afterAll(async () => {
  reconciler?.stop();
  await sync?.stop();
  stopController?.();
  await sim?.close();
  await db?.close();
});

const scope = () => ({ prisma: db.prisma, teamId: team.teamId, userId: team.users.OPERATOR.id });
const row = () => db.prisma.deployment.findFirst({ where: { clusterId, namespace: NS, name: NAME } });
const request = (over: Record<string, unknown> = {}) =>
  ZCreateDeploymentRequest.parse({
    clusterId,
    modelVersionId: team.versionId,
    namespace: NS,
    name: NAME,
    replicas: 2,
    gpusPerReplica: 1,
    gpuType: "H100",
    minReplicas: 1,
    maxReplicas: 4,
    latencySloMs: 100,
    ...over,
  });

describe("a deployment's lifecycle against a simulated cluster", () => {
  it("preflight sees the cluster's free GPUs once the status sync has recorded them", async () => {
    await until("the cluster's H100 capacity recorded", async () => {
      const c = await db.prisma.cluster.findUniqueOrThrow({
        where: { id: clusterId },
        select: { health: true, gpuCapacity: true },
      });
      return c.health === "HEALTHY" && (c.gpuCapacity as Record<string, unknown> | null)?.H100;
    });
    const p = await preflightDeployment({ ...scope(), input: request() });
    expect(p).toMatchObject({
      ok: true,
      problems: [],
      warnings: [],
      capacity: { gpuType: "H100", needed: 2, free: 4, allocatable: 4, ok: true },
    });
    expect(p.gpuTypes).toEqual(["H100"]);
  });

  it("refuses a plan whose model may not live on the cluster, and records nothing", async () => {
    const model = await db.prisma.model.create({
      data: { teamId: team.teamId, name: "eu-only", task: "classification", framework: "onnx", residencyTags: ["eu"] },
    });
    const version = await db.prisma.modelVersion.create({
      data: {
        teamId: team.teamId,
        modelId: model.id,
        version: "1.0.0",
        format: "ONNX",
        artifactUri: "s3://b/eu.onnx",
        sha256: "e".repeat(64),
        sizeBytes: 10n,
        runtimeImage: "ghcr.io/tern/onnx-server:1",
      },
    });
    await expect(
      createDeployment({ ...scope(), input: request({ modelVersionId: version.id, name: "eu-scorer" }) }),
    ).rejects.toThrow(
      /refused: model 'eu-only' may only run where data may live in eu; cluster 'sim-life' is tagged us/,
    );
    expect(await db.prisma.deployment.count({ where: { name: "eu-scorer" } })).toBe(0);
  });

  it("records a created deployment as desired state that the reconciler then applies through the driver", async () => {
    const created = await createDeployment({ ...scope(), input: request() });
    expect(created).toMatchObject({ name: NAME, warnings: [] });
    expect(await row()).toMatchObject({ id: created.id, phase: "Pending", replicas: 2 });

    await reconciler.runOnce();
    const applied = await until("the change marked applied", async () => {
      const r = await row();
      return r && r.appliedGeneration === r.specGeneration && r;
    });
    expect(applied.lastError).toBeNull();
    expect(await listPendingChanges({ prisma: db.prisma })).toEqual([]);
    const d = sim.store.get("deployments", NS, NAME)!;
    expect(d.spec?.replicas).toBe(2);
    const container = (d.spec?.template as { spec: { containers: { image: string }[] } }).spec.containers[0]!;
    expect(container.image).toBe("ghcr.io/tern/onnx-server:1");
    expect(sim.store.get("services", NS, NAME)).toBeDefined();
  });

  it("has the status sync record it Ready with its pods", async () => {
    const r = await until("Ready with 2 ready pods", async () => {
      const x = await row();
      const pods = (x?.pods ?? []) as { ready: boolean }[];
      return x?.phase === "Ready" && x.readyReplicas === 2 && pods.length === 2 && pods.every((p) => p.ready) && x;
    });
    expect(r).toMatchObject({ replicas: 2, availableReplicas: 2, updatedReplicas: 2 });
    expect((r.pods as { node: string }[]).map((p) => p.node)).toEqual(["gpu-1", "gpu-1"]);
  });

  it("adopts a `kubectl scale` made outside Tern as the desired count, and does not scale it back", async () => {
    const before = (await row())!;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: "sim", server: sim.url, caData: sim.ca }],
      users: [{ name: "op", token: sim.token }],
      contexts: [{ name: "sim", cluster: "sim", user: "op" }],
      currentContext: "sim",
    });
    // What `kubectl scale deployment/scorer --replicas=3` sends: a merge patch of the scale subresource.
    await kc
      .makeApiClient(AppsV1Api)
      .patchNamespacedDeploymentScale(
        { namespace: NS, name: NAME, body: { spec: { replicas: 3 } } },
        setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
      );
    const adopted = await until("3 replicas adopted and Ready", async () => {
      const x = await row();
      return x?.replicas === 3 && x.readyReplicas === 3 && (x.pods as unknown[]).length === 3 && x;
    });
    // Adopted as the settled desired state: no new generation, nothing for the reconciler to apply.
    expect(adopted.specGeneration).toBe(before.specGeneration);
    expect(adopted.appliedGeneration).toBe(adopted.specGeneration);
    expect(await listPendingChanges({ prisma: db.prisma })).toEqual([]);
    expect(await reconciler.runOnce()).toBe(0);
    expect(sim.store.get("deployments", NS, NAME)?.spec?.replicas).toBe(3);
  });

  it("retries a scale the API server refused, with backoff, and applies it once the server is back", async () => {
    const id = (await row())!.id;
    sim.server.faults.outageMode = "unavailable";
    sim.server.faults.outage = true;
    try {
      await scaleDeployment({ ...scope(), id, replicas: 4 });
      expect(await reconciler.runOnce()).toBe(1);
      const failed = await until("the failure recorded", async () => {
        const x = await row();
        return x?.lastError ? x : null;
      });
      expect(failed.lastError).toMatch(/ — Tern retries in 2 s$/);
      expect(failed.appliedGeneration).toBeLessThan(failed.specGeneration);
    } finally {
      sim.server.faults.outage = false;
    }
    // Held back until its delay has passed, even with the server back.
    expect(await reconciler.runOnce()).toBe(0);
    expect(sim.store.get("deployments", NS, NAME)?.spec?.replicas).toBe(3);
    // Meanwhile a pod is replaced, so the sync reports the cluster's 3 replicas while Tern's change is in flight:
    // those must not be adopted over the 4 Tern wants.
    const lost = sim.store.list("pods", { namespace: NS }).items[0]!.metadata.name;
    sim.store.delete("pods", NS, lost);
    const observed = await until("the sync reporting the replaced pod", async () => {
      const x = await row();
      const names = ((x?.pods ?? []) as { name: string }[]).map((p) => p.name);
      return names.length === 3 && !names.includes(lost) && x;
    });
    expect(observed).toMatchObject({ replicas: 4, readyReplicas: 3 });
    expect(observed.appliedGeneration).toBeLessThan(observed.specGeneration);
    await until("the retry applied", async () => (await reconciler.runOnce()) === 1);
    const applied = (await row())!;
    expect(applied).toMatchObject({ replicas: 4, lastError: null, appliedGeneration: applied.specGeneration });
    expect(sim.store.get("deployments", NS, NAME)?.spec?.replicas).toBe(4);
    await until("4 replicas Ready", async () => {
      const x = await row();
      return x?.readyReplicas === 4 && x;
    });
    expect((await row())?.replicas).toBe(4);
    logs.length = 0; // the refused apply and the sync's outage were logged, as they should be
  });

  it("deletes it from the cluster and then from Tern", async () => {
    const id = (await row())!.id;
    await deleteDeployment({ ...scope(), id });
    expect(await row()).toMatchObject({ phase: "Terminating" });
    await reconciler.runOnce();
    await until("the row removed", async () => (await row()) === null);
    expect(sim.store.get("deployments", NS, NAME)).toBeUndefined();
    expect(sim.store.get("services", NS, NAME)).toBeUndefined();
    await until("its pods collected", () => sim.store.list("pods", { namespace: NS }).items.length === 0);
    // The sync's later "gone" observation must not bring anything back.
    expect(await db.prisma.deployment.count({ where: { id } })).toBe(0);
    expect(logs.filter((m) => !m.startsWith("status sync could not stop"))).toEqual([
      `deployment ${NS}/${NAME}: generation 3 deleted`,
    ]);
  });
});
