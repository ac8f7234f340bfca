// The GLB's routing on its own: exact weighted shares, path rewriting to the cluster's data plane, and clear
// errors when a model has nowhere to go.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ObjectStore } from "../store/object-store";
import { startGlb, type Glb } from "./glb";
import { WeightTable } from "./traffic-router";

let glb: Glb;
let backend: http.Server;
const seen: string[] = [];
const weights = new WeightTable(() => [
  { name: "a", store: new ObjectStore() },
  { name: "b", store: new ObjectStore() },
]);

beforeAll(async () => {
  // Stands in for both clusters' data planes: records the path it was asked for.
  backend = http.createServer((req, res) => {
    seen.push(req.url ?? "");
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
  await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  glb = await startGlb({
    port: 0,
    weights,
    targets: () => [
      { name: "a", dataUrl: url },
      { name: "b", dataUrl: url },
    ],
  });
});

afterAll(async () => {
  await glb.close();
  await new Promise((r) => backend.close(r));
});

describe("GLB", () => {
  it("splits requests exactly by weight and forwards to the deployment's path", async () => {
    weights.set("m", [
      { cluster: "a", namespace: "ns", deployment: "d1", weight: 1 },
      { cluster: "b", namespace: "ns", deployment: "d2", weight: 3 },
    ]);
    const got: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${glb.inferUrl("m")}?x=1`, { method: "POST", body: "{}" });
      got.push(res.headers.get("x-tern-backend") ?? "");
      await res.arrayBuffer();
    }
    expect(got.filter((b) => b === "a/ns/d1")).toHaveLength(2);
    expect(got.filter((b) => b === "b/ns/d2")).toHaveLength(6);
    expect(seen).toContain("/namespaces/ns/deployments/d1/v2/models/m/infer?x=1");
  });

  it("answers 503 with the reason when a model has no backend", async () => {
    const res = await fetch(glb.inferUrl("unknown"), { method: "POST", body: "{}" });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/model 'unknown' has no backend/);
  });
});
