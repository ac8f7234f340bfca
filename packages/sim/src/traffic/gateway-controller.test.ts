// The simulated multi-cluster Gateway controller: HTTPRoutes on the gateway cluster drive the GLB's weights, and
// status.parents[] reports Accepted/ResolvedRefs for a generation only once its weights are in effect.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ObjectStore } from "../store/object-store";
import type { KubeObject } from "../store/types";
import { modelDeployment, waitFor } from "../fleet/test-support";
import { GATEWAY_CONTROLLER_NAME, startGatewayController } from "./gateway-controller";
import { serviceImportName } from "./service-import-name";
import { WeightTable } from "./traffic-router";

const NS = "tern-routes";
let aws: ObjectStore;
let gcp: ObjectStore;
let weights: WeightTable;
let controller: { stop(): void };

function cluster(): ObjectStore {
  const s = new ObjectStore();
  for (const name of ["default", "models"]) s.create("namespaces", { metadata: { name } });
  return s;
}

const ref = (deployment: string, clusterName: string, weight: number) => ({
  group: "multicluster.x-k8s.io",
  kind: "ServiceImport",
  namespace: "models",
  name: serviceImportName(deployment, clusterName),
  port: 8080,
  weight,
});

function applyRoute(backendRefs: unknown[], parent = "tern-gateway"): KubeObject {
  const body = {
    metadata: { name: "credit-risk", namespace: NS },
    spec: { parentRefs: [{ name: parent }], rules: [{ backendRefs }] },
  };
  const old = gcp.get("httproutes", NS, "credit-risk");
  return old
    ? gcp.update("httproutes", { ...old, spec: body.spec })
    : gcp.create("httproutes", { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", ...body });
}

/** Our controller's conditions on the route, once they are for `generation`. */
function conditionsFor(generation: number) {
  const r = gcp.get("httproutes", NS, "credit-risk");
  const parents = (r?.status?.parents ?? []) as { controllerName: string; conditions: Record<string, unknown>[] }[];
  const mine = parents.find((p) => p.controllerName === GATEWAY_CONTROLLER_NAME)?.conditions ?? [];
  return mine.length > 0 && mine.every((c) => c.observedGeneration === generation) ? mine : undefined;
}

beforeEach(() => {
  aws = cluster();
  gcp = cluster();
  aws.create("deployments", modelDeployment({ name: "credit-risk" }));
  gcp.create("deployments", modelDeployment({ name: "credit-risk-eu" }));
  const views = () => [
    { name: "aws-test", store: aws },
    { name: "gcp-test", store: gcp },
  ];
  weights = new WeightTable(views, undefined, { propagationMs: 150 });
  controller = startGatewayController({
    cluster: "gcp-test",
    store: gcp,
    namespace: NS,
    gateway: "tern-gateway",
    clusters: views,
    weights,
    propagationMs: 150,
  });
});
afterEach(() => controller.stop());

describe("the simulated multi-cluster gateway controller", () => {
  it("creates its namespace, applies a route's weights to the GLB, then reports Accepted for that generation", async () => {
    expect(gcp.get("namespaces", undefined, NS)).toBeDefined();
    const t0 = Date.now();
    const r = applyRoute([ref("credit-risk", "aws-test", 80), ref("credit-risk-eu", "gcp-test", 20)]);
    const conds = await waitFor("status for generation 1", () => conditionsFor(r.metadata.generation!), 3_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140); // not before the weights are in effect
    expect(conds.map((c) => [c.type, c.status])).toEqual([
      ["Accepted", "True"],
      ["ResolvedRefs", "True"],
    ]);
    expect(weights.resolve("credit-risk")).toEqual([
      { cluster: "aws-test", namespace: "models", deployment: "credit-risk", weight: 80 },
      { cluster: "gcp-test", namespace: "models", deployment: "credit-risk-eu", weight: 20 },
    ]);

    const next = applyRoute([ref("credit-risk-eu", "gcp-test", 100)]);
    expect(next.metadata.generation).toBe(2);
    await waitFor("status for generation 2", () => conditionsFor(2), 3_000);
    expect(weights.resolve("credit-risk")).toEqual([
      { cluster: "gcp-test", namespace: "models", deployment: "credit-risk-eu", weight: 100 },
    ]);
  });

  it("reports ResolvedRefs=False (BackendNotFound) for a backend no cluster exports, and leaves the GLB alone", async () => {
    applyRoute([ref("credit-risk", "aws-test", 1), ref("nope", "aws-test", 1)]);
    const conds = await waitFor("status", () => conditionsFor(1), 3_000);
    expect(conds.find((c) => c.type === "ResolvedRefs")).toMatchObject({
      status: "False",
      reason: "BackendNotFound",
      message: expect.stringContaining("nope-aws-test") as unknown,
    });
    expect(weights.desired("credit-risk")).toBeUndefined();
    // The backend appearing later resolves the route (a real controller re-queues on ServiceImport changes).
    aws.create("deployments", modelDeployment({ name: "nope" }));
    await waitFor("resolved", () => conditionsFor(1)?.every((c) => c.status === "True"), 3_000);
  });

  it("ignores routes of another Gateway, and deleting a route restores the default routing", async () => {
    applyRoute([ref("credit-risk-eu", "gcp-test", 1)], "someone-elses");
    await new Promise((r) => setTimeout(r, 300));
    expect(gcp.get("httproutes", NS, "credit-risk")!.status).toBeUndefined();
    applyRoute([ref("credit-risk-eu", "gcp-test", 1)]);
    await waitFor("accepted", () => conditionsFor(2), 3_000);
    gcp.delete("httproutes", NS, "credit-risk");
    const fallback = [{ cluster: "aws-test", namespace: "models", deployment: "credit-risk", weight: 100 }];
    await waitFor(
      "default routing",
      () => JSON.stringify(weights.resolve("credit-risk")) === JSON.stringify(fallback),
      3_000,
    );
  });
});

describe("serviceImportName", () => {
  it("joins deployment and cluster, and truncates with a hash past 63 characters", () => {
    expect(serviceImportName("credit-risk", "gcp-euw4-gpu")).toBe("credit-risk-gcp-euw4-gpu");
    const long = serviceImportName("a-very-long-deployment-name-for-a-model-server", "gcp-europe-west4-gpu-pool");
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(long.length).toBeLessThanOrEqual(63);
    // The same vector is pinned in Tern's router tests, so both sides derive the same name.
    expect(long).toBe("a-very-long-deployment-name-for-a-model-server-gcp-eur-94c1ed94");
  });
});
