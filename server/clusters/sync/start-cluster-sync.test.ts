// Unit tests of the sync loop against a fake driver: snapshots, coalescing, resume, 410 re-list, outages, stop.
import { afterEach, describe, expect, it } from "vitest";
import type { DeploymentInfo, EventInfo, NodeInfo, PodInfo } from "../driver";
import { FakeDriver } from "../../test/fake-driver";
import { startClusterSync } from "./start-cluster-sync";
import { SyncManager } from "./sync-manager";
import type {
  CapacityReport,
  ClusterSync,
  DeploymentEvent,
  DeploymentRef,
  DeploymentSnapshot,
  SyncHealth,
} from "./types";

const deployment = (name: string, p: Partial<DeploymentInfo> = {}): DeploymentInfo => ({
  namespace: "ml",
  name,
  uid: `uid-${name}`,
  resourceVersion: "",
  deploymentId: `dep-${name}`,
  labels: { "app.kubernetes.io/managed-by": "tern", "tern.dev/deployment-id": `dep-${name}` },
  generation: 1,
  observedGeneration: 1,
  replicas: 2,
  readyReplicas: 0,
  availableReplicas: 0,
  updatedReplicas: 0,
  currentReplicas: 0,
  selector: { "app.kubernetes.io/instance": name },
  conditions: [],
  deleting: false,
  ...p,
});
const pod = (name: string, owner: string, p: Partial<PodInfo> = {}): PodInfo => ({
  namespace: "ml",
  name,
  uid: `uid-${name}`,
  resourceVersion: "",
  labels: { "app.kubernetes.io/instance": owner },
  phase: "Running",
  ready: false,
  restarts: 0,
  node: "gpu-1",
  unschedulable: false,
  gpus: 1,
  deleting: false,
  ...p,
});
const node = (name: string, gpus: number): NodeInfo => ({
  name,
  resourceVersion: "",
  ready: true,
  unschedulable: false,
  gpuType: "A100",
  gpuCapacity: gpus,
  gpuAllocatable: gpus,
});
const event = (uid: string, involved: string, reason: string, at: string): EventInfo => ({
  namespace: "ml",
  uid,
  resourceVersion: "",
  reason,
  message: `${reason} happened`,
  type: "Normal",
  count: 1,
  at,
  involvedObject: { kind: "Pod", name: involved },
});

const until = async (check: () => boolean, what: string, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let sync: ClusterSync | undefined;
afterEach(async () => {
  await sync?.stop();
  sync = undefined;
});

function start(fake: FakeDriver) {
  const seen = {
    snapshots: [] as DeploymentSnapshot[],
    health: [] as SyncHealth[],
    gone: [] as DeploymentRef[],
    events: [] as DeploymentEvent[],
    capacity: [] as CapacityReport[],
  };
  sync = startClusterSync({
    clusterId: "c1",
    driverFactory: () => fake.asDriver(),
    onSnapshot: (s) => void seen.snapshots.push(s),
    onHealth: (h) => void seen.health.push(h),
    onDeploymentGone: (g) => void seen.gone.push(g),
    onEvent: (e) => void seen.events.push(e),
    onCapacity: (c) => void seen.capacity.push(c),
    backoff: { initialMs: 20, maxMs: 40, random: () => 0 },
    coalesceMs: 30,
  });
  const last = (name: string) => seen.snapshots.filter((s) => s.name === name).at(-1);
  return { seen, last };
}

describe("startClusterSync", () => {
  it("reports a snapshot per Tern deployment, capacity and health after the first list", async () => {
    const fake = new FakeDriver();
    fake.upsert("deployments", deployment("a", { readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 }));
    fake.upsert("deployments", deployment("other", { labels: {} }));
    fake.upsert("pods", pod("a-7d9f-x1", "a", { ready: true }));
    fake.upsert("pods", pod("a-7d9f-x2", "a", { ready: true }));
    fake.upsert("pods", pod("b-1-1", "someone-else", { gpus: 2 }));
    fake.upsert("events", event("e1", "a-7d9f-x1", "Started", "2026-01-01T00:00:01Z"));
    fake.upsert("nodes", node("gpu-1", 8));
    const { seen, last } = start(fake);

    await until(() => seen.snapshots.length > 0 && seen.capacity.length > 0, "first snapshot");
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY"]);
    expect(seen.snapshots.map((s) => s.name)).toEqual(["a"]);
    expect(last("a")).toMatchObject({
      clusterId: "c1",
      deploymentId: "dep-a",
      phase: "Ready",
      readyReplicas: 2,
      lastEvent: { reason: "Started", type: "Normal" },
    });
    expect(last("a")?.pods.map((p) => p.name)).toEqual(["a-7d9f-x1", "a-7d9f-x2"]);
    expect(seen.capacity.at(-1)?.gpuCapacity).toEqual({ A100: { allocatable: 8, allocated: 4 } });
    // Events from before the sync started are history, not news.
    expect(seen.events).toEqual([]);
  });

  it("coalesces a burst of changes into one snapshot per deployment", async () => {
    const fake = new FakeDriver();
    fake.upsert("deployments", deployment("a"));
    const { seen, last } = start(fake);
    await until(() => seen.snapshots.length === 1 && fake.openWatches === 5, "first snapshot and watches");

    for (let i = 0; i < 20; i++) fake.upsert("pods", pod(`a-1-p${i % 2}`, "a", { restarts: i }));
    fake.upsert("deployments", deployment("a", { readyReplicas: 1, updatedReplicas: 2 }));
    await wait(120);
    expect(seen.snapshots).toHaveLength(2);
    expect(last("a")).toMatchObject({ phase: "Progressing", readyReplicas: 1 });
    expect(last("a")?.pods.map((p) => p.restarts)).toEqual([18, 19]);
  });

  it("streams new events and reports Degraded after losing ready pods", async () => {
    const fake = new FakeDriver();
    fake.upsert("deployments", deployment("a", { readyReplicas: 2, updatedReplicas: 2 }));
    const { seen, last } = start(fake);
    await until(() => last("a")?.phase === "Ready" && fake.openWatches === 5, "Ready");

    fake.upsert("pods", pod("a-1-x", "a", { ready: false, reason: "CrashLoopBackOff", restarts: 3 }));
    fake.upsert("deployments", deployment("a", { readyReplicas: 1, updatedReplicas: 2 }));
    fake.upsert("events", event("e9", "a-1-x", "BackOff", "2026-01-01T00:05:00Z"));
    await until(() => last("a")?.phase === "Degraded" && seen.events.length === 1, "Degraded");
    expect(seen.events[0]).toMatchObject({
      name: "a",
      deploymentId: "dep-a",
      reason: "BackOff",
      involvedObject: { kind: "Pod", name: "a-1-x" },
    });
    expect(last("a")?.lastEvent?.reason).toBe("BackOff");
  });

  it("resumes a dropped watch from its resourceVersion without missing a change", async () => {
    const fake = new FakeDriver();
    fake.upsert("deployments", deployment("a"));
    const { seen, last } = start(fake);
    await until(() => seen.snapshots.length === 1 && fake.openWatches === 5, "watches");
    const lists = fake.lists;

    fake.dropWatches();
    // Happens while no watch is open: only a resume from the right resourceVersion sees it.
    fake.upsert("deployments", deployment("a", { readyReplicas: 2, updatedReplicas: 2 }));
    await until(() => last("a")?.phase === "Ready", "change made during the drop");
    expect(fake.lists).toBe(lists);
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY"]);
  });

  it("re-lists on 410 and notices deployments deleted meanwhile", async () => {
    const fake = new FakeDriver();
    fake.upsert("deployments", deployment("a"));
    fake.upsert("deployments", deployment("b"));
    const { seen, last } = start(fake);
    await until(() => seen.snapshots.length === 2 && fake.openWatches === 5, "watches");

    fake.dropWatches();
    fake.remove("deployments", "ml/b");
    fake.upsert("deployments", deployment("a", { readyReplicas: 2, updatedReplicas: 2 }));
    fake.compact();
    await until(() => seen.gone.length === 1 && last("a")?.phase === "Ready", "re-list after 410");
    expect(seen.gone[0]).toEqual({ clusterId: "c1", namespace: "ml", name: "b", deploymentId: "dep-b" });
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY"]);
  });

  it("reports UNREACHABLE during an outage, then HEALTHY and the changes it missed", async () => {
    const fake = new FakeDriver();
    fake.upsert("deployments", deployment("a"));
    fake.upsert("nodes", node("gpu-1", 8));
    const { seen, last } = start(fake);
    await until(() => seen.snapshots.length === 1 && fake.openWatches === 5, "watches");

    fake.outage();
    await until(() => seen.health.at(-1)?.health === "UNREACHABLE", "UNREACHABLE");
    expect(seen.health.at(-1)?.message).toContain("is unreachable");
    fake.down = false;
    fake.compact();
    fake.upsert("deployments", deployment("a", { readyReplicas: 2, updatedReplicas: 2 }));
    fake.upsert("nodes", node("gpu-2", 4));
    await until(() => seen.health.at(-1)?.health === "HEALTHY" && last("a")?.phase === "Ready", "recovery");
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY", "UNREACHABLE", "HEALTHY"]);
    await until(() => seen.capacity.at(-1)?.gpuCapacity.A100?.allocatable === 12, "capacity after recovery");
  });

  it("stops cleanly, leaving no watch open", async () => {
    const fake = new FakeDriver();
    const { seen } = start(fake);
    await until(() => seen.health.length === 1 && fake.openWatches === 5, "watches");
    await sync?.stop();
    sync = undefined;
    expect(fake.openWatches).toBe(0);
  });
});

describe("SyncManager", () => {
  it("adds, removes and stops syncs for many clusters", async () => {
    const fakes = new Map([
      ["c1", new FakeDriver()],
      ["c2", new FakeDriver()],
    ]);
    const health: SyncHealth[] = [];
    const manager = new SyncManager({
      driverFactory: (id) => fakes.get(id)!.asDriver(),
      onSnapshot: () => {},
      onHealth: (h) => void health.push(h),
    });
    manager.add("c1");
    manager.add("c2");
    expect(manager.add("c1")).toBe(manager.add("c1"));
    await until(() => health.length === 2 && [...fakes.values()].every((f) => f.openWatches === 5), "both clusters");
    expect(new Set(health.map((h) => h.clusterId))).toEqual(new Set(["c1", "c2"]));
    await manager.remove("c1");
    expect(fakes.get("c1")!.openWatches).toBe(0);
    expect(manager.clusterIds()).toEqual(["c2"]);
    await manager.stopAll();
    expect(fakes.get("c2")!.openWatches).toBe(0);
  });
});
