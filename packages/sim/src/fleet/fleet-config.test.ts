// The fleet file: the shipped demo fleet is valid, and mistakes get messages that say where and what.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataPortOf, loadFleetConfig, parseFleetConfig, withPortOffset } from "./fleet-config";
import { testFleetConfig } from "./test-support";

describe("fleet config", () => {
  it("ships a demo fleet of six clouds over five or more providers on fixed ports from 16441", async () => {
    const cfg = await loadFleetConfig(path.join(import.meta.dirname, "../fleet.config.json"));
    expect(new Set(cfg.clouds.map((c) => c.provider)).size).toBeGreaterThanOrEqual(5);
    expect(cfg.clusters.map((c) => c.port)).toEqual([16441, 16442, 16443, 16444, 16445, 16446]);
    expect(cfg.clusters.flatMap((c) => c.residency)).toEqual(expect.arrayContaining(["us", "eu", "cn"]));
    expect(cfg.clusters.find((c) => c.cloud === "huawei-cn-north-4")?.nodePools.map((p) => p.gpuType)).toContain(
      "Ascend-910B",
    );
  });

  it("lists every problem with its path", () => {
    const raw = JSON.parse(JSON.stringify(testFleetConfig())) as {
      clusters: Record<string, unknown>[];
      glbPort: number;
    };
    raw.glbPort = 3000;
    raw.clusters[0]!.cloud = "azure-nowhere";
    raw.clusters[1]!.name = "Bad_Name";
    let message = "";
    try {
      parseFleetConfig(raw, "fleet.config.json");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^fleet\.config\.json is invalid:/);
    expect(message).toContain("glbPort: ports 3000 and 3100 are reserved for the Tern app");
    expect(message).toContain("clusters.1.name: cluster name must be lowercase letters, digits and '-'");
  });

  it("checks cross references once the shape is right", () => {
    const raw = JSON.parse(JSON.stringify(testFleetConfig())) as {
      clusters: { cloud: string; nodePools: { gpuType: string }[] }[];
    };
    raw.clusters[0]!.cloud = "azure-nowhere";
    raw.clusters[1]!.nodePools[0]!.gpuType = "B200";
    expect(() => parseFleetConfig(raw)).toThrow(
      /clusters\.0\.cloud: cluster 'aws-test' names cloud 'azure-nowhere', which is not in clouds/,
    );
    expect(() => parseFleetConfig(raw)).toThrow(/no latency multiplier for GPU type 'B200'/);
  });

  it("reports unreadable and non-JSON files plainly", async () => {
    await expect(loadFleetConfig("/nonexistent/fleet.json")).rejects.toThrow(
      /cannot read fleet config \/nonexistent\/fleet\.json/,
    );
    await expect(loadFleetConfig(path.join(import.meta.dirname, "fleet-config.ts"))).rejects.toThrow(
      /is not valid JSON/,
    );
  });
});

describe("port offset", () => {
  it("moves every fixed port by the offset and leaves 'any free port' alone", async () => {
    const cfg = await loadFleetConfig(path.join(import.meta.dirname, "../fleet.config.json"));
    const moved = withPortOffset({ ...cfg, s3Port: 0 }, 1000);
    expect([moved.glbPort, moved.adminPort, moved.s3Port]).toEqual([cfg.glbPort + 1000, cfg.adminPort + 1000, 0]);
    expect(moved.clusters.map((c) => c.port)).toEqual(cfg.clusters.map((c) => c.port + 1000));
    expect(moved.clusters.map(dataPortOf)).toEqual(cfg.clusters.map((c) => dataPortOf(c) + 1000));
    expect(withPortOffset(cfg, 0)).toBe(cfg);
  });

  it("refuses offsets that leave the port range or land on the app's ports", async () => {
    const cfg = await loadFleetConfig(path.join(import.meta.dirname, "../fleet.config.json"));
    expect(() => withPortOffset(cfg, 50_000)).toThrow("from 0 to 40000");
    expect(() => withPortOffset(cfg, 1.5)).toThrow("whole number");
    expect(() => withPortOffset({ ...cfg, glbPort: 2000 }, 1000)).toThrow(
      "glbPort 2000 + port offset 1000 = 3000 is not a usable port",
    );
  });
});
