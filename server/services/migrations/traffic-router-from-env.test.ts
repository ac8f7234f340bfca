// TERN_TRAFFIC_ROUTER and the gateway settings: validated with clear messages, and the router each one picks.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env, resetEnv } from "../../env";
import { trafficRouterFromEnv } from "./traffic-router-from-env";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnv();
});

function stub(vars: Record<string, string>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  resetEnv();
}

describe("trafficRouterFromEnv", () => {
  it("gateway-api needs TERN_GATEWAY_CLUSTER, and refuses a malformed namespace or Gateway name", () => {
    stub({ TERN_TRAFFIC_ROUTER: "gateway-api" });
    expect(() => env()).toThrow(/TERN_GATEWAY_CLUSTER: TERN_TRAFFIC_ROUTER=gateway-api needs TERN_GATEWAY_CLUSTER/);
    stub({ TERN_TRAFFIC_ROUTER: "gateway-api", TERN_GATEWAY_CLUSTER: "gw", TERN_GATEWAY_NAMESPACE: "Tern_Routes" });
    expect(() => env()).toThrow(/TERN_GATEWAY_NAMESPACE must be a namespace name/);
    stub({ TERN_GATEWAY_NAMESPACE: "tern-routes", TERN_GATEWAY_NAME: "a/b/c" });
    expect(() => env()).toThrow(/TERN_GATEWAY_NAME must be a Gateway name or namespace\/name/);
    stub({ TERN_TRAFFIC_ROUTER: "istio" });
    expect(() => env()).toThrow(/TERN_TRAFFIC_ROUTER must be auto, sim, gateway-api or none/);
  });

  it("gateway-api gives one router per process (the cluster is looked up on first use); none gives none", () => {
    stub({ TERN_TRAFFIC_ROUTER: "gateway-api", TERN_GATEWAY_CLUSTER: "gcp-euw4-gpu", TERN_GATEWAY_NAME: "infra/mc" });
    const r = trafficRouterFromEnv();
    expect(r).not.toBeNull();
    expect(trafficRouterFromEnv()).toBe(r);
    stub({ TERN_TRAFFIC_ROUTER: "none" });
    expect(trafficRouterFromEnv()).toBeNull();
  });

  it("auto uses the simulated GLB only when the fleet's manifest is there", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tern-router-env-"));
    try {
      stub({ TERN_TRAFFIC_ROUTER: "auto" });
      expect(trafficRouterFromEnv(dir)).toBeNull();
      await mkdir(path.join(dir, "sim"));
      await writeFile(
        path.join(dir, "sim", "fleet.json"),
        JSON.stringify({ admin: { url: "http://127.0.0.1:1" }, glb: { url: "http://127.0.0.1:2" } }),
      );
      expect(trafficRouterFromEnv(dir)).not.toBeNull();
      stub({ TERN_TRAFFIC_ROUTER: "none" });
      expect(trafficRouterFromEnv(dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
