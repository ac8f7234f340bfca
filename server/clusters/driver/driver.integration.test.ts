// The driver against the simulated Kubernetes API server over HTTPS: connection checks, SSA, scale, delete, errors, watch.
import net from "node:net";
import { PatchStrategy } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "@tern/sim/apiserver";
import { createClusterCertificates } from "@tern/sim/apiserver";
import { ObjectStore, type KubeObject } from "@tern/sim/apiserver";
import { connectCluster } from "./connect-cluster";
import { DriverError } from "./driver-error";
import { createKubeClients } from "./kube-client";
import { fakeDeploymentController, startSimTestCluster, type SimTestCluster } from "../../test/sim-test-cluster";
import type { ModelDeploymentSpec, WatchClose } from "./types";

const spec: ModelDeploymentSpec = {
  namespace: "vision",
  name: "resnet",
  deploymentId: "cmdep1",
  modelName: "resnet",
  modelVersion: "1.0",
  versionId: "cmver1",
  image: "tern/triton:24.01",
  artifactUri: "sim://aws/models/resnet.onnx",
  sha256: "b".repeat(64),
  replicas: 2,
  gpusPerReplica: 1,
  gpuType: "A100",
  latencySloMs: 80,
};

async function failure(run: () => Promise<unknown>): Promise<DriverError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DriverError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

const until = async (check: () => boolean, what: string) => {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

let sim: SimTestCluster;
beforeAll(async () => {
  sim = await startSimTestCluster({ historyLimit: 50 });
  sim.addNode("gpu-a", "A100", 8);
  sim.addNode("gpu-l", "L4", 4);
});
afterAll(() => sim.close());

describe("testConnection", () => {
  it("reports version, rights, nodes and GPU capacity", async () => {
    sim.store.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "other-team", namespace: "default" },
      spec: {
        nodeName: "gpu-a",
        containers: [{ name: "c", image: "x:1", resources: { limits: { "nvidia.com/gpu": "3" } } }],
      },
      status: { phase: "Running" },
    });
    const result = await sim.driver().testConnection();
    if (!result.ok) throw new Error(result.error.message);
    expect(result.version).toMatch(/^v1\.\d+/);
    expect(result.canCreateDeployments).toBe(true);
    expect(result.gpuCapacity).toEqual({
      A100: { allocatable: 8, allocated: 3 },
      L4: { allocatable: 4, allocated: 0 },
    });
    expect(result.nodes.map((n) => n.name).sort()).toEqual(["gpu-a", "gpu-l"]);
    sim.store.delete("pods", "default", "other-team");

    const readOnly = await sim.driver({ token: sim.readToken }).testConnection();
    expect(readOnly.ok && readOnly.canCreateDeployments).toBe(false);
  });

  it("says why it cannot connect: bad token, unknown CA, nothing listening, too slow", async () => {
    const unauthorized = await sim.driver({ token: "not-a-token" }).testConnection();
    expect(unauthorized).toMatchObject({ ok: false, error: { kind: "unauthorized" } });
    expect(JSON.stringify(unauthorized)).not.toContain("not-a-token");

    const otherCa = Buffer.from((await createClusterCertificates()).caCert).toString("base64");
    const tls = await sim.driver({ ca: otherCa }).testConnection();
    expect(tls).toMatchObject({ ok: false, error: { kind: "tls" } });

    const port = await freePort();
    const closed = connectCluster({
      apiServer: `https://127.0.0.1:${port}`,
      credentials: { token: "t" },
      timeoutMs: 2000,
    });
    expect(await closed.testConnection()).toEqual({
      ok: false,
      error: { kind: "unreachable", message: `cluster API at https://127.0.0.1:${port} is unreachable (ECONNREFUSED)` },
    });

    sim.server.faults.latencyMs = 600;
    try {
      const slow = await sim.driver({ timeoutMs: 200 }).testConnection();
      expect(slow).toMatchObject({
        ok: false,
        error: { kind: "timeout", message: `cluster API at ${sim.url} did not answer within 0.2 s` },
      });
    } finally {
      sim.server.faults.latencyMs = 0;
    }
  });

  it("works over plain http, which the client only allows with verification skipped", async () => {
    const store = new ObjectStore();
    const server = createApiServer({
      store,
      tokens: [{ token: "tok", allowed: "all" }],
      insecureHttp: true,
      clusterName: "plain",
    });
    await server.listen(0);
    try {
      const result = await connectCluster({ apiServer: server.url, credentials: { token: "tok" } }).testConnection();
      expect(result).toMatchObject({ ok: true, gpuCapacity: {} });
    } finally {
      await server.close();
    }
  });
});

describe("model deployments", () => {
  it("server-side applies Namespace, Deployment and Service with Tern's labels, idempotently", async () => {
    const driver = sim.driver();
    const applied = await driver.applyModelDeployment(spec);
    expect(applied).toMatchObject({
      namespace: "vision",
      name: "resnet",
      serviceName: "resnet",
      createdNamespace: true,
      generation: 1,
    });

    expect(sim.store.get("namespaces", undefined, "vision")?.metadata.labels).toEqual({
      "app.kubernetes.io/managed-by": "tern",
    });
    const d = sim.store.get("deployments", "vision", "resnet")!;
    expect(d.metadata.labels).toMatchObject({
      "app.kubernetes.io/managed-by": "tern",
      "tern.dev/deployment-id": "cmdep1",
      "tern.dev/model": "resnet",
      "tern.dev/model-version": "1.0",
    });
    expect(d.metadata.managedFields).toEqual([expect.objectContaining({ manager: "tern", operation: "Apply" })]);
    interface Container {
      env: { name: string; value: string }[];
      resources: unknown;
      readinessProbe: { httpGet: unknown };
      ports: unknown;
    }
    const podSpec = (d.spec as { template: { spec: { nodeSelector: unknown; containers: Container[] } } }).template
      .spec;
    expect(podSpec.nodeSelector).toEqual({ "nvidia.com/gpu.product": "A100" });
    const c = podSpec.containers[0]!;
    expect(Object.fromEntries(c.env.map((e) => [e.name, e.value]))).toMatchObject({
      MODEL_URI: spec.artifactUri,
      MODEL_SHA256: spec.sha256,
      MODEL_NAME: "resnet",
    });
    expect(c.resources).toEqual({ requests: { "nvidia.com/gpu": "1" }, limits: { "nvidia.com/gpu": "1" } });
    expect(c.readinessProbe.httpGet).toMatchObject({ path: "/v2/health/ready", port: "http" });
    expect(c.ports).toEqual([{ name: "http", containerPort: 8080, protocol: "TCP" }]);
    const svc = sim.store.get("services", "vision", "resnet")!;
    expect((svc.spec as { selector: unknown }).selector).toEqual({
      "app.kubernetes.io/instance": "resnet",
      "app.kubernetes.io/managed-by": "tern",
    });

    const again = await driver.applyModelDeployment(spec);
    expect(again).toMatchObject({ createdNamespace: false, generation: 1 });
    expect(sim.store.get("deployments", "vision", "resnet")!.metadata.resourceVersion).toBe(d.metadata.resourceVersion);
  });

  it("takes replicas back from another field manager (force) and scales through /scale", async () => {
    const driver = sim.driver();
    const stop = fakeDeploymentController(sim.store);
    try {
      const k = createKubeClients({
        apiServer: sim.url,
        credentials: { token: sim.token, certificateAuthorityData: sim.ca },
      });
      const body = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "resnet", namespace: "vision" },
        spec: { replicas: 7 },
      };
      await k.apps.patchNamespacedDeployment(
        { name: "resnet", namespace: "vision", body, fieldManager: "kubectl", force: true },
        k.options(PatchStrategy.ServerSideApply),
      );
      expect((await driver.getDeploymentStatus("vision", "resnet")).replicas).toBe(7);
      await driver.applyModelDeployment(spec);
      expect((await driver.getDeploymentStatus("vision", "resnet")).replicas).toBe(2);

      expect(await driver.scale("vision", "resnet", 3)).toEqual({ replicas: 3 });
      await until(
        () =>
          (sim.store.get("deployments", "vision", "resnet")?.status as { readyReplicas?: number }).readyReplicas === 3,
        "ready 3",
      );
      expect(await driver.getDeploymentStatus("vision", "resnet")).toMatchObject({
        replicas: 3,
        readyReplicas: 3,
        updatedReplicas: 3,
        deploymentId: "cmdep1",
      });
    } finally {
      stop();
    }
  });

  it("maps 404, 409 and 422 to clear messages and changes nothing", async () => {
    const driver = sim.driver();
    const before = sim.store.get("deployments", "vision", "resnet")!.metadata.resourceVersion;

    expect((await failure(() => driver.getDeploymentStatus("vision", "nope"))).toJSON()).toEqual({
      kind: "not_found",
      status: 404,
      reason: "NotFound",
      message: "deployment nope not found in namespace vision",
    });
    expect((await failure(() => driver.scale("vision", "nope", 1))).message).toBe(
      "deployment nope not found in namespace vision",
    );

    const invalid = await failure(() => driver.applyModelDeployment({ ...spec, replicas: -1 }));
    expect(invalid).toMatchObject({ kind: "invalid", status: 422 });
    expect(invalid.message).toBe(
      "deployment resnet in namespace vision is invalid: spec.replicas: must be greater than or equal to 0",
    );
    expect((await failure(() => driver.scale("vision", "resnet", -2))).message).toBe(
      "deployment resnet in namespace vision is invalid: spec.replicas: must be greater than or equal to 0",
    );
    expect(sim.store.get("deployments", "vision", "resnet")!.metadata.resourceVersion).toBe(before);

    // Tern always applies with force, so conflicts come from the raw client: the mapping is what is tested here.
    const k = createKubeClients({
      apiServer: sim.url,
      credentials: { token: sim.token, certificateAuthorityData: sim.ca },
    });
    const take = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "resnet", namespace: "vision" },
      spec: { replicas: 4 },
    };
    await k.apps.patchNamespacedDeployment(
      { name: "resnet", namespace: "vision", body: take, fieldManager: "kubectl", force: true },
      k.options(PatchStrategy.ServerSideApply),
    );
    const ctx = { verb: "patch", resource: "deployment", name: "resnet", namespace: "vision" };
    const conflict = await failure(() =>
      k.call(ctx, () =>
        k.apps.patchNamespacedDeployment(
          {
            name: "resnet",
            namespace: "vision",
            body: { ...take, spec: { replicas: 2 } },
            fieldManager: "tern",
            force: false,
          },
          k.options(PatchStrategy.ServerSideApply),
        ),
      ),
    );
    expect(conflict).toMatchObject({ kind: "conflict", status: 409 });
    expect(conflict.message).toContain('owned by field manager "kubectl"');
    expect(conflict.message).toContain(".spec.replicas");
    const full = {
      ...take,
      spec: {
        selector: { matchLabels: { a: "b" } },
        template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i:1" }] } },
      },
    };
    const exists = await failure(() =>
      k.call({ ...ctx, verb: "create" }, () =>
        k.apps.createNamespacedDeployment({ namespace: "vision", body: full }, k.options()),
      ),
    );
    expect(exists.message).toBe("deployment resnet already exists in namespace vision");
  });

  it("refuses writes with a read-only token, naming the action", async () => {
    const e = await failure(() => sim.driver({ token: sim.readToken }).scale("vision", "resnet", 1));
    expect(e.toJSON()).toMatchObject({ kind: "forbidden", status: 403 });
    expect(e.message).toBe(
      "the cluster refused Tern's credentials to patch deployments in namespace vision (403 Forbidden); grant Tern's user that permission with RBAC",
    );
  });

  it("lists pods, events and nodes", async () => {
    const labels = { "app.kubernetes.io/instance": "resnet", "app.kubernetes.io/managed-by": "tern" };
    sim.store.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "resnet-abc12-x1", namespace: "vision", labels },
      spec: { nodeName: "gpu-a", containers: [{ name: "model-server", image: "i:1" }] },
      status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
    });
    sim.store.create("events", {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "e1", namespace: "vision" },
      involvedObject: { kind: "Deployment", name: "resnet", namespace: "vision" },
      reason: "ScalingReplicaSet",
      message: "Scaled up",
      type: "Normal",
      lastTimestamp: "2026-01-01T00:00:00Z",
    });
    sim.store.create("events", {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "e2", namespace: "vision" },
      involvedObject: { kind: "Pod", name: "other", namespace: "vision" },
      reason: "Pulled",
      message: "pulled",
      type: "Normal",
      lastTimestamp: "2026-01-01T00:00:05Z",
    });
    const driver = sim.driver();
    expect(
      (await driver.listPods("vision", "app.kubernetes.io/instance=resnet")).map((p) => [p.name, p.ready, p.node]),
    ).toEqual([["resnet-abc12-x1", true, "gpu-a"]]);
    expect((await driver.listEvents("vision")).map((e) => e.reason)).toEqual(["Pulled", "ScalingReplicaSet"]);
    expect(await driver.listEvents("vision", "resnet")).toEqual([
      expect.objectContaining({
        reason: "ScalingReplicaSet",
        at: "2026-01-01T00:00:00.000Z",
        involvedObject: { kind: "Deployment", name: "resnet" },
      }),
    ]);
    expect((await driver.listNodes()).map((n) => [n.name, n.gpuType, n.gpuAllocatable])).toEqual([
      ["gpu-a", "A100", 8],
      ["gpu-l", "L4", 4],
    ]);
  });

  it("deletes the Deployment and the Service, and a second delete finds nothing", async () => {
    const driver = sim.driver();
    expect(await driver.deleteModelDeployment("vision", "resnet", "Background")).toEqual({
      deployment: "deleted",
      service: "deleted",
      autoscaler: "absent",
    });
    expect(sim.store.get("deployments", "vision", "resnet")).toBeUndefined();
    expect(sim.store.get("services", "vision", "resnet")).toBeUndefined();
    expect(await driver.deleteModelDeployment("vision", "resnet")).toEqual({
      deployment: "absent",
      service: "absent",
      autoscaler: "absent",
    });
  });
});

describe("watch", () => {
  it("reports changes, ends on a cut connection, expires on compacted history and errors when the API is down", async () => {
    const driver = sim.driver();
    const { resourceVersion } = await driver.list("deployments");
    const seen: string[] = [];
    const closes: WatchClose[] = [];
    const open = (rv: string) =>
      driver.watch("deployments", {
        resourceVersion: rv,
        onChange: (c) => seen.push(`${c.type} ${c.object.name}`),
        onClose: (c) => closes.push(c),
      });

    open(resourceVersion);
    await driver.applyModelDeployment({ ...spec, name: "w1" });
    await until(() => seen.includes("ADDED w1"), "ADDED w1");
    sim.server.faults.dropWatches("reset");
    await until(() => closes.length === 1, "close after reset");
    expect(closes[0]).toEqual({ kind: "ended" });

    const stale = sim.store.currentResourceVersion();
    for (let i = 0; i < 60; i++)
      sim.store.mutate(
        "deployments",
        "vision",
        "w1",
        (o: KubeObject) => void (o.metadata.annotations = { n: String(i) }),
      );
    open(stale);
    await until(() => closes.length === 2, "close after 410");
    expect(closes[1]).toEqual({ kind: "expired" });

    sim.server.faults.outage = true;
    try {
      open(sim.store.currentResourceVersion());
      await until(() => closes.length === 3, "close during outage");
      expect(closes[2]).toMatchObject({ kind: "error", error: { kind: "unreachable" } });
    } finally {
      sim.server.faults.outage = false;
    }
  });
});
