// The Gateway API TrafficRouter against a fake HTTPRoute client: what it writes, what it waits for, its errors.
import { describe, expect, it } from "vitest";
import { DriverError, type HttpRouteApply, type HttpRouteClient, type HttpRouteInfo } from "../../clusters/driver";
import { BACKENDS_ANNOTATION, createGatewayApiTrafficRouter, MCS_GROUP } from "./gateway-api-traffic-router";
import { serviceImportName } from "./service-import-name";
import { TrafficRouterError, type TrafficBackend } from "./traffic-router";

type Controller = (route: HttpRouteInfo) => { after: number; status: "True" | "False"; reason?: string } | null;

/** One gateway cluster's routes; `controller` decides when (and whether) status reports a new generation. */
function fakeRoutes(controller: Controller = () => ({ after: 0, status: "True" })) {
  const routes = new Map<string, HttpRouteInfo>();
  const applied: HttpRouteApply[] = [];
  const client: HttpRouteClient = {
    get: async (_ns, name) => Promise.resolve(routes.has(name) ? structuredClone(routes.get(name)!) : null),
    apply: async (a) => {
      applied.push(a);
      const old = routes.get(a.name);
      const same = old && JSON.stringify(old.backendRefs) === JSON.stringify(a.backendRefs);
      const route: HttpRouteInfo = {
        namespace: a.namespace,
        name: a.name,
        generation: old ? old.generation + (same ? 0 : 1) : 1,
        resourceVersion: String(applied.length),
        labels: a.labels,
        annotations: a.annotations,
        parentRefs: a.parentRefs,
        backendRefs: a.backendRefs,
        parents: old?.parents ?? [],
      };
      routes.set(a.name, route);
      const verdict = controller(route);
      if (verdict)
        setTimeout(() => {
          const cond = (type: string) => ({
            type,
            status: type === "ResolvedRefs" ? verdict.status : "True",
            observedGeneration: route.generation,
            ...(verdict.reason && type === "ResolvedRefs"
              ? { reason: verdict.reason, message: "no such ServiceImport" }
              : {}),
          });
          routes.get(a.name)!.parents = [
            {
              parentRef: a.parentRefs[0]!,
              controllerName: "example.com/gw",
              conditions: [cond("Accepted"), cond("ResolvedRefs")],
            },
          ];
        }, verdict.after);
      return Promise.resolve(structuredClone(route));
    },
    delete: async (_ns, name) => Promise.resolve(routes.delete(name) ? "deleted" : "absent"),
  };
  return { client, routes, applied };
}

const router = (client: HttpRouteClient) =>
  createGatewayApiTrafficRouter({
    gateway: { routes: client, name: "gcp-euw4-gpu" },
    namespace: "tern-routes",
    parentRef: { name: "tern-gateway" },
    pollMs: 10,
  });

const split: TrafficBackend[] = [
  { cluster: "aws-use1-gpu", namespace: "models", deployment: "credit-risk", weight: 90 },
  { cluster: "gcp-euw4-gpu", namespace: "models", deployment: "credit-risk-eu", weight: 10 },
];

describe("the Gateway API TrafficRouter", () => {
  it("writes ServiceImports for other clusters and Services for the gateway's own, and reads the weights back", async () => {
    const f = fakeRoutes();
    const r = router(f.client);
    expect(await r.setWeights("credit-risk", split)).toEqual(split);
    expect(f.applied[0]).toMatchObject({
      namespace: "tern-routes",
      name: "credit-risk",
      parentRefs: [{ name: "tern-gateway" }],
      backendRefs: [
        {
          group: MCS_GROUP,
          kind: "ServiceImport",
          name: "credit-risk-aws-use1-gpu",
          namespace: "models",
          port: 8080,
          weight: 90,
        },
        { group: "", kind: "Service", name: "credit-risk-eu", namespace: "models", port: 8080, weight: 10 },
      ],
    });
    expect(JSON.parse(f.applied[0]!.annotations[BACKENDS_ANNOTATION]!)).toEqual({
      "credit-risk-aws-use1-gpu": { cluster: "aws-use1-gpu", namespace: "models", deployment: "credit-risk" },
      "credit-risk-eu": { cluster: "gcp-euw4-gpu", namespace: "models", deployment: "credit-risk-eu" },
    });
    expect(await r.getWeights("credit-risk")).toEqual(split);
  });

  it("reads a route without Tern's annotation: local Services map to the gateway cluster, unknown imports are left out", async () => {
    const f = fakeRoutes();
    await router(f.client).setWeights("credit-risk", split);
    f.routes.get("credit-risk")!.annotations = {};
    expect(await router(f.client).getWeights("credit-risk")).toEqual([split[1]]);
  });

  it("a missing route is the default routing (no weights); an empty list deletes Tern's route", async () => {
    const f = fakeRoutes();
    const r = router(f.client);
    expect(await r.getWeights("sentiment")).toEqual([]);
    await r.setWeights("credit-risk", split);
    expect(await r.setWeights("credit-risk", [])).toEqual([]);
    expect(f.routes.has("credit-risk")).toBe(false);
  });

  it("waits until the parents report the generation it wrote, not an older one", async () => {
    let late = false;
    const f = fakeRoutes((route) =>
      route.generation === 1 ? { after: 0, status: "True" } : ((late = true), { after: 150, status: "True" }),
    );
    const r = router(f.client);
    await r.setWeights("credit-risk", split);
    const t0 = Date.now();
    const moved = split.map((b) => ({ ...b, weight: 50 }));
    expect(await r.setWeights("credit-risk", moved)).toEqual(moved);
    expect(late).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140); // generation 1's Accepted did not count for generation 2
  });

  it("times out with a message naming the route and what it waited for", async () => {
    const f = fakeRoutes(() => null);
    const err = await router(f.client)
      .setWeights("credit-risk", split, { timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrafficRouterError);
    expect(err).toMatchObject({
      code: "timeout",
      message: expect.stringMatching(
        /HTTPRoute credit-risk in namespace tern-routes on cluster gcp-euw4-gpu \(generation 1\) but not accepted within 0\.1 s: no gateway controller has reported/,
      ) as unknown,
    });
  });

  it("fails as invalid when the controller reports ResolvedRefs=False for that generation", async () => {
    const f = fakeRoutes(() => ({ after: 0, status: "False", reason: "BackendNotFound" }));
    await expect(router(f.client).setWeights("credit-risk", split)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/ResolvedRefs=False \(BackendNotFound\): no such ServiceImport/) as unknown,
    });
  });

  it("refuses names and weights the Gateway API cannot carry, before writing anything", async () => {
    const f = fakeRoutes();
    const r = router(f.client);
    await expect(r.setWeights("Credit_Risk", split)).rejects.toMatchObject({ code: "invalid" });
    await expect(r.setWeights("credit-risk", [{ ...split[0]!, weight: 0.5 }])).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/whole number from 0 to 1000000 \(got 0.5\)/) as unknown,
    });
    expect(f.applied).toEqual([]);
  });

  it("maps the driver's errors: 422 → invalid, an unreachable cluster → unavailable", async () => {
    const failing = (e: DriverError): HttpRouteClient => ({
      get: () => Promise.reject(e),
      apply: () => Promise.reject(e),
      delete: () => Promise.reject(e),
    });
    const invalid = new DriverError({
      kind: "invalid",
      status: 422,
      message: "httproute credit-risk is invalid: spec.rules[0].backendRefs[0].weight: bad",
    });
    await expect(router(failing(invalid)).setWeights("credit-risk", split)).rejects.toMatchObject({ code: "invalid" });
    const down = new DriverError({ kind: "unreachable", message: "cluster API at https://x is unreachable" });
    await expect(router(failing(down)).getWeights("credit-risk")).rejects.toMatchObject({
      code: "unavailable",
      message: "the gateway cluster gcp-euw4-gpu: cluster API at https://x is unreachable",
    });
  });
});

describe("serviceImportName", () => {
  it("joins deployment and cluster, and past 63 characters truncates and appends a hash (the simulator pins the same vector)", () => {
    expect(serviceImportName("credit-risk", "aws-use1-gpu")).toBe("credit-risk-aws-use1-gpu");
    const long = serviceImportName("a-very-long-deployment-name-for-a-model-server", "gcp-europe-west4-gpu-pool");
    expect(long).toBe("a-very-long-deployment-name-for-a-model-server-gcp-eur-94c1ed94");
    expect(long.length).toBeLessThanOrEqual(63);
    expect(serviceImportName("a-very-long-deployment-name-for-a-model-server", "gcp-europe-west4-gpu-poo1")).not.toBe(
      long,
    );
  });
});
