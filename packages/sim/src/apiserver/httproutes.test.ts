// Gateway API HTTPRoutes on the simulated API server: discovery, SSA with generation bumps, the status
// subresource, validation, and kubectl (get, apply, explain) through the real binary.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasKubectl, runKubectl } from "../testing/run-kubectl";
import { rawRequest, startTestCluster, type TestCluster } from "./test-cluster";

let cluster: TestCluster;
const BASE = "/apis/gateway.networking.k8s.io/v1/namespaces/tern-routes/httproutes";

const route = (weights: Record<string, number>) => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name: "credit-risk", namespace: "tern-routes" },
  spec: {
    parentRefs: [{ name: "tern-gateway" }],
    rules: [
      {
        backendRefs: Object.entries(weights).map(([name, weight]) => ({
          group: "multicluster.x-k8s.io",
          kind: "ServiceImport",
          name,
          port: 8080,
          weight,
        })),
      },
    ],
  },
});

const apply = (body: unknown) =>
  rawRequest(cluster, "PATCH", `${BASE}/credit-risk?fieldManager=tern&force=true`, {
    headers: { "Content-Type": "application/apply-patch+yaml" },
    body: JSON.stringify(body),
  });

const kubectl = (args: string[]) => runKubectl(cluster, args);

beforeAll(async () => {
  cluster = await startTestCluster();
  cluster.store.create("namespaces", { metadata: { name: "tern-routes" } });
});
afterAll(() => cluster?.close());

describe("HTTPRoute (gateway.networking.k8s.io/v1) on the simulated API server", () => {
  it("is discoverable: /apis lists the group, the group version lists httproutes with /status", async () => {
    const groups = (await rawRequest(cluster, "GET", "/apis")).json<{ groups: { name: string }[] }>();
    expect(groups.groups.map((g) => g.name)).toContain("gateway.networking.k8s.io");
    const list = (await rawRequest(cluster, "GET", "/apis/gateway.networking.k8s.io/v1")).json<{
      resources: { name: string; kind: string; namespaced: boolean }[];
    }>();
    expect(list.resources.map((r) => r.name)).toEqual(["httproutes", "httproutes/status"]);
    expect(list.resources[0]).toMatchObject({ kind: "HTTPRoute", namespaced: true });
    const root = (await rawRequest(cluster, "GET", "/openapi/v3")).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(root.paths)).toContain("apis/gateway.networking.k8s.io/v1");
  });

  it("server-side apply bumps generation on spec changes only; status is written through /status alone", async () => {
    const created = await apply(route({ "credit-risk-aws": 90, "credit-risk-gcp": 10 }));
    expect(created.status).toBe(201);
    expect(created.json<{ metadata: { generation: number } }>().metadata.generation).toBe(1);
    const same = await apply(route({ "credit-risk-aws": 90, "credit-risk-gcp": 10 }));
    expect(same.json<{ metadata: { generation: number } }>().metadata.generation).toBe(1);
    const moved = await apply(route({ "credit-risk-aws": 50, "credit-risk-gcp": 50 }));
    expect(moved.json<{ metadata: { generation: number } }>().metadata.generation).toBe(2);

    const status = { parents: [{ parentRef: { name: "tern-gateway" }, controllerName: "x/y", conditions: [] }] };
    // A status in a main-resource write is ignored, as on a CRD with the status subresource.
    const ignored = await apply({ ...route({ "credit-risk-aws": 50, "credit-risk-gcp": 50 }), status });
    expect(ignored.json<{ status?: unknown }>().status).toBeUndefined();
    const written = await rawRequest(cluster, "PATCH", `${BASE}/credit-risk/status`, {
      headers: { "Content-Type": "application/merge-patch+json" },
      body: JSON.stringify({ status }),
    });
    expect(written.status).toBe(200);
    expect(written.json<{ metadata: { generation: number } }>().metadata.generation).toBe(2);
    expect(cluster.store.get("httproutes", "tern-routes", "credit-risk")!.status).toEqual(status);
  });

  it("refuses a weight outside 0..1000000 with 422 Invalid naming the field", async () => {
    const bad = await apply(route({ "credit-risk-aws": -1 }));
    expect(bad.status).toBe(422);
    expect(bad.json<{ details: { causes: { field: string }[] } }>().details.causes[0]!.field).toBe(
      "spec.rules[0].backendRefs[0].weight",
    );
  });

  it.skipIf(!hasKubectl)("kubectl get, apply -f and explain httproutes", async () => {
    const got = await kubectl(["get", "httproutes", "-n", "tern-routes"]);
    expect(got.stderr).toBe("");
    expect(got.stdout).toMatch(/^NAME\s+HOSTNAMES\s+AGE\n/);
    expect(got.stdout).toMatch(/\ncredit-risk\s+\d+s\n/);
    const file = path.join(cluster.dir, "route.json");
    writeFileSync(file, JSON.stringify({ ...route({ "sentiment-gcp": 1 }), metadata: { name: "sentiment" } }));
    const applied = await kubectl(["apply", "-n", "tern-routes", "-f", file]);
    expect(applied.stderr).toBe("");
    expect(applied.stdout.trim()).toBe("httproute.gateway.networking.k8s.io/sentiment created");
    const one = await kubectl([
      "get",
      "httproute",
      "sentiment",
      "-n",
      "tern-routes",
      "-o",
      "jsonpath={.spec.rules[0].backendRefs[0].name}",
    ]);
    expect(one.stdout).toBe("sentiment-gcp");
    const explain = await kubectl(["explain", "httproute.spec.rules.backendRefs.weight"]);
    expect(explain.stderr).toBe("");
    expect(explain.stdout).toMatch(/GROUP:\s+gateway\.networking\.k8s\.io/);
    expect(explain.stdout).toMatch(/proportion of requests/);
  });
});
