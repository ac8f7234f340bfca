// Tern's /metrics body rendered from database rows: every team's prices and deployments, readable by a strict
// Prometheus text parser, labelled as the cost queries join them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrometheusText } from "@tern/sim/metrics";
import { createTestDb, type TestDb } from "../../test/test-db";
import { createTeamFixture, type TeamFixture } from "../../test/fixtures";
import { exportTernMetrics } from "./export-tern-metrics";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;

beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "alpha");
  b = await createTeamFixture(db.prisma, "beta");
  // A newer price replaces the old one from its effective date; a future one waits.
  await db.prisma.gpuPrice.createMany({
    data: [
      {
        teamId: a.teamId,
        provider: "AWS",
        region: "us-east-1",
        gpuType: "H100",
        pricePerHour: 3.25,
        source: "t",
        effectiveDate: new Date("2026-06-01"),
      },
      {
        teamId: a.teamId,
        provider: "AWS",
        region: "us-east-1",
        gpuType: "H100",
        pricePerHour: 1,
        source: "t",
        effectiveDate: new Date("2099-01-01"),
      },
      {
        teamId: b.teamId,
        provider: "ALIYUN",
        region: "cn-hangzhou",
        gpuType: "A10",
        pricePerHour: 9.8,
        currency: "CNY",
        source: "t",
        effectiveDate: new Date("2026-01-01"),
      },
    ],
  });
});
afterAll(async () => db?.close());

describe("Tern's /metrics from the database", () => {
  it("exports each team's price in force and each deployment with its cluster's provider and region", async () => {
    const text = await exportTernMetrics({ prisma: db.prisma, now: new Date("2026-11-01T00:00:00Z") });
    const parsed = parsePrometheusText(text);
    expect(parsed.types.get("tern_gpu_price_per_hour")).toBe("gauge");
    const prices = parsed.samples
      .filter((s) => s.name === "tern_gpu_price_per_hour")
      .map((s) => [s.labels.team, s.labels.provider, s.labels.gpu_type, s.labels.currency, s.value]);
    expect(prices).toHaveLength(3);
    expect(prices).toEqual(
      expect.arrayContaining([
        [a.teamId, "AWS", "H100", "USD", 3.25],
        [b.teamId, "AWS", "H100", "USD", 2.5],
        [b.teamId, "ALIYUN", "A10", "CNY", 9.8],
      ]),
    );
    const info = parsed.samples.filter((s) => s.name === "tern_deployment_info");
    expect(info.map((s) => s.labels)).toEqual(
      expect.arrayContaining([
        {
          team: a.teamId,
          tern_cluster_id: a.clusterId,
          namespace: "models",
          deployment: "d-alpha",
          provider: "AWS",
          region: "us-east-1",
          gpu_type: "H100",
          model: "m-alpha",
          gpus_per_replica: "1",
        },
      ]),
    );
    expect(info).toHaveLength(2);
    const gpus = parsed.samples.find(
      (s) => s.name === "tern_deployment_gpus_per_replica" && s.labels.team === b.teamId,
    );
    expect(gpus?.value).toBe(1);
    expect(text).not.toMatch(/credentials|apiServer|v1:x/);
  });

  it("follows changes in the database on the next scrape", async () => {
    await db.prisma.deployment.update({ where: { id: a.deploymentId }, data: { gpusPerReplica: 4 } });
    const parsed = parsePrometheusText(await exportTernMetrics({ prisma: db.prisma }));
    const gpus = parsed.samples.find(
      (s) => s.name === "tern_deployment_gpus_per_replica" && s.labels.team === a.teamId,
    );
    expect(gpus?.value).toBe(4);
  });
});
