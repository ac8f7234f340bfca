// Fault injection as driver tests use it: refused connections, 503s, added latency, dropped watches.
import { CoreV1Api, KubeConfig, Watch } from "@kubernetes/client-node";
import { afterAll, beforeAll, afterEach, describe, expect, it } from "vitest";
import { rawRequest, startTestCluster, type TestCluster } from "./test-cluster";

let cluster: TestCluster;
let kc: KubeConfig;
let core: CoreV1Api;

beforeAll(async () => {
  cluster = await startTestCluster();
  kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  core = kc.makeApiClient(CoreV1Api);
});
afterAll(() => cluster.close());
afterEach(() => {
  cluster.server.faults.outage = false;
  cluster.server.faults.outageMode = "refuse";
  cluster.server.faults.latencyMs = 0;
});

async function until(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("condition not met in time");
}

function openWatch(): Promise<{ done: Promise<unknown> }> {
  return new Promise((ready) => {
    let resolveDone: (v: unknown) => void = () => undefined;
    const done = new Promise<unknown>((r) => (resolveDone = r));
    void new Watch(kc).watch(
      "/api/v1/namespaces",
      {},
      () => ready({ done }),
      (err: unknown) => resolveDone(err),
    );
  });
}

describe("faults", () => {
  it("an outage in refuse mode refuses connections and cuts open watches; service resumes on the same port", async () => {
    const { done } = await openWatch();
    cluster.server.faults.outage = true;
    // The stream ends with undici's error for a cut connection, not cleanly (null) as a dropped watch would.
    const cut = await done;
    expect(cut).toBeInstanceOf(Error);
    expect(cut).toMatchObject({ message: "terminated" });
    await expect(core.listNamespace()).rejects.toThrow(/fetch failed|ECONNREFUSED/);
    cluster.server.faults.outage = false;
    await until(async () => (await core.listNamespace()).items.length > 0);
  });

  it("an outage in unavailable mode answers 503 with a Status body", async () => {
    cluster.server.faults.outageMode = "unavailable";
    cluster.server.faults.outage = true;
    const res = await rawRequest(cluster, "GET", "/api/v1/namespaces");
    expect(res.status).toBe(503);
    expect(res.json()).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "the server is currently unable to handle the request",
      reason: "ServiceUnavailable",
      code: 503,
    });
  });

  it("adds latency to every request", async () => {
    cluster.server.faults.latencyMs = 250;
    const t0 = Date.now();
    await core.listNamespace();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
  });

  it("drops open watches on demand, cleanly or by resetting the connection", async () => {
    const a = await openWatch();
    expect(cluster.server.faults.openWatches).toBe(1);
    expect(cluster.server.faults.dropWatches("end")).toBe(1);
    expect(await a.done).toBeNull();
    const b = await openWatch();
    cluster.server.faults.dropWatches("reset");
    const reset = await b.done;
    expect(reset).toBeInstanceOf(Error);
    expect(reset).toMatchObject({ message: "terminated" });
    await until(() => Promise.resolve(cluster.server.faults.openWatches === 0 && cluster.store.openWatches === 0));
  });
});
