// services/proxy on the simulated API server, through the driver's `infer` (POST with a body) and through
// @kubernetes/client-node's own connectGet…ServiceProxyWithPath, against real ONNX model handlers.
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDemoModel } from "@tern/sim/models";
import { demoArtifactPath, readDemoGoldenSet } from "@tern/sim/models";
import { clearModelCache, createInferenceHandler, loadModel, type LoadedModel } from "@tern/sim/models";
import { DriverError } from "./driver-error";
import { startSimTestCluster, type SimTestCluster } from "../../test/sim-test-cluster";

let sim: SimTestCluster;
let model: LoadedModel;
let ready = true;
const seenAuth: (string | undefined)[] = [];

beforeAll(async () => {
  const entry = findDemoModel("credit-risk", "1.0.0")!;
  model = await loadModel(demoArtifactPath(entry));
  const handler = createInferenceHandler({ getModel: (n) => (n === model.name ? model : undefined) });
  sim = await startSimTestCluster({
    serviceProxy: {
      endpoints: (ns, selector) =>
        ready && ns === "models" && selector.app === "credit"
          ? [
              (req: IncomingMessage, res) => {
                seenAuth.push(req.headers.authorization);
                handler(req, res);
              },
            ]
          : [],
    },
  });
  sim.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "models" } });
  sim.store.create("services", {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "credit", namespace: "models" },
    spec: { selector: { app: "credit" }, ports: [{ name: "http", port: 8080, targetPort: "http" }] },
  });
});
afterAll(async () => {
  await sim.close();
  await clearModelCache();
});

const target = { namespace: "models", service: "credit", port: "http", modelName: "credit-risk" };
async function driverFailure(p: Promise<unknown>): Promise<DriverError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof DriverError)) throw new Error(`expected a DriverError, got ${String(e)}`);
  return e;
}

describe("driver.infer through services/proxy", () => {
  it("POSTs an OIP request to a ready pod and returns its answer, without the caller's token", async () => {
    const golden = await readDemoGoldenSet(findDemoModel("credit-risk", "1.0.0")!);
    const res = await sim.driver().infer({ ...target, request: golden[0]!.input });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ model_name: "credit-risk", outputs: [{ name: "score", shape: [1, 1] }] });
    expect(seenAuth.at(-1)).toBeUndefined();
    expect((await sim.driver().infer({ ...target, port: 8080, request: golden[0]!.input })).status).toBe(200);
  });

  it("returns the model server's own errors as data", async () => {
    const res = await sim.driver().infer({ ...target, request: { inputs: [] } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: expect.any(String) as unknown });
    expect((await sim.driver().infer({ ...target, modelName: "nope", request: { inputs: [] } })).status).toBe(404);
  });

  it("rejects with the API server's refusals: no endpoints, no port, no service, read-only token", async () => {
    ready = false;
    try {
      expect(await driverFailure(sim.driver().infer({ ...target, request: {} }))).toMatchObject({
        status: 503,
        reason: "ServiceUnavailable",
        message: "service credit in namespace models has no ready endpoints (no model server is ready yet)",
      });
    } finally {
      ready = true;
    }
    expect((await driverFailure(sim.driver().infer({ ...target, port: 9999, request: {} }))).message).toBe(
      "service credit in namespace models has no port 9999",
    );
    expect(await driverFailure(sim.driver().infer({ ...target, service: "gone", request: {} }))).toMatchObject({
      kind: "not_found",
      message: "service gone not found in namespace models",
    });
    expect((await driverFailure(sim.driver({ token: sim.readToken }).infer({ ...target, request: {} }))).kind).toBe(
      "forbidden",
    );
  });
});

describe("@kubernetes/client-node against services/proxy", () => {
  it("GETs a path on the service's pods and answers a real API server's Status when none is ready", async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: "c", server: sim.url, caData: sim.ca }],
      users: [{ name: "u", token: sim.token }],
      contexts: [{ name: "c", cluster: "c", user: "u" }],
      currentContext: "c",
    });
    const core = kc.makeApiClient(CoreV1Api);
    // Typed as a string, but the client already parses a JSON answer.
    const meta: unknown = await core.connectGetNamespacedServiceProxyWithPath({
      name: "credit:http",
      namespace: "models",
      path: "v2/models/credit-risk",
    });
    expect(typeof meta === "string" ? (JSON.parse(meta) as unknown) : meta).toMatchObject({
      name: "credit-risk",
      inputs: [{ name: "features" }],
    });
    ready = false;
    try {
      const err = await core
        .connectGetNamespacedServiceProxyWithPath({ name: "credit:http", namespace: "models", path: "v2/health/ready" })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 503 });
      expect(JSON.parse((err as { body: string }).body) as unknown).toMatchObject({
        kind: "Status",
        reason: "ServiceUnavailable",
        message: 'no endpoints available for service "credit:http"',
      });
    } finally {
      ready = true;
    }
  });
});
