// The optimizer's latency data against a real Prometheus (the Debian binary) holding the demo's backfill: a
// latency probe's history on a pool nothing runs on today makes that pool a candidate without "allow unknown
// latency", the default plan shows the saving, and the overview's savings figure follows without blocking.
// Skipped without the prometheus/promtool binaries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latencyProbeSeries } from "../../dev-tools/demo/latency-probe-history";
import { resetEnv } from "../../env";
import { fleetBackfillSeries } from "../../dev-tools/local-prometheus/fleet-backfill";
import {
  prometheusBinsOrSkip,
  startBackfilledPrometheus,
  type BackfilledPrometheus,
} from "../../test/backfilled-prometheus";
import { SIM_SCRAPE, workloadHistory } from "../../test/fleet-history";
import { addCheapPool } from "../../test/cheap-pool";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";
import { createTestDb, type TestDb } from "../../test/test-db";
import { loadTernMetricsInput } from "../metrics/export-tern-metrics";
import { poolLatencyHistory } from "./pool-latency-history";
import { clearSavingsCache } from "./savings-cache";
import { refreshSavings } from "./savings-summary";

const bins = prometheusBinsOrSkip("pool-latency-history.integration.test.ts");

const LATENCY = { baseComputeMs: 6, gpu: { H100: 0.55 }, region: { "us-east-1": 8, "us-central1": 20 } };

describe.skipIf(!bins)("latency history per pool from a real Prometheus", () => {
  let db: TestDb;
  let a: TeamFixture;
  let prom: BackfilledPrometheus;
  let cheapId: string;
  const before = process.env.TERN_PROMETHEUS_URL;

  beforeAll(async () => {
    db = await createTestDb();
    a = await createTeamFixture(db.prisma, "alpha");
    cheapId = await addCheapPool(db.prisma, a);
    const tern = await loadTernMetricsInput({ prisma: db.prisma });
    const series = [
      ...fleetBackfillSeries({
        workloads: [workloadHistory({ clusterId: a.clusterId, medianLatencyMs: 40 })],
        nodes: [],
        tern: { job: "tern", instance: SIM_SCRAPE.instance, ...tern, now: new Date() },
      }),
      ...latencyProbeSeries({
        pools: [
          {
            cluster: "c-alpha",
            clusterId: a.clusterId,
            scrape: SIM_SCRAPE,
            provider: "AWS",
            region: "us-east-1",
            gpuType: "H100",
          },
          {
            cluster: "cheap",
            clusterId: cheapId,
            scrape: SIM_SCRAPE,
            provider: "GCP",
            region: "us-central1",
            gpuType: "H100",
          },
        ],
        latency: LATENCY,
        team: a.teamId,
        tern: { job: "tern", instance: SIM_SCRAPE.instance },
      }),
    ];
    prom = await startBackfilledPrometheus({ bins: bins!, series, stepSeconds: 60, tmpPrefix: "tern-pool-latency-" });
    process.env.TERN_PROMETHEUS_URL = prom.url;
    resetEnv();
  }, 60_000);

  afterAll(async () => {
    if (before === undefined) delete process.env.TERN_PROMETHEUS_URL;
    else process.env.TERN_PROMETHEUS_URL = before;
    resetEnv();
    clearSavingsCache();
    await prom?.stop();
    await db?.close();
  });

  it("gives each pool the p95 of what ran there, probes included", async () => {
    const clusters = await db.prisma.cluster.findMany({
      where: { teamId: a.teamId },
      select: { id: true, name: true, prometheusUrl: true },
    });
    const p95 = await poolLatencyHistory({ clusters, settings: { defaultUrl: prom.url, timeoutMs: 5000 } });
    // The probe's median is 6 × 0.55 + 20 = 23.3 ms with a narrow spread; buckets at 25 and 50 ms bound its p95.
    expect(p95.get(`${cheapId}/H100`)).toBeGreaterThan(23);
    expect(p95.get(`${cheapId}/H100`)).toBeLessThan(50);
    // On c-alpha the deployment (median 40 ms) and the probe (11.3 ms) both count.
    expect(p95.get(`${a.clusterId}/H100`)).toBeGreaterThan(11);
    expect(p95.get(`${a.clusterId}/H100`)).toBeLessThan(200);
    expect([...p95.keys()].sort()).toEqual([`${a.clusterId}/H100`, `${cheapId}/H100`].sort());
  });

  it("finds the saving with the default options: no 'allow unknown latency' needed", async () => {
    const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    const plan = await viewer.recommendations.solve({});
    expect(plan.conflicts).toEqual([]);
    expect(plan.status).toBe("optimal");
    expect(plan.moves.map((m) => [m.deploymentName, m.to.clusterId])).toEqual([["d-alpha", cheapId]]);
    expect(plan.savingsPerMonth).toBeCloseTo((2.5 - 1.5) * 730, 6);
  });

  it("shows the saving on the overview without waiting for a solve", async () => {
    clearSavingsCache();
    const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    const first = await viewer.overview.savings();
    expect(first).toMatchObject({ state: "computing", savingsPerMonth: null });
    await refreshSavings({ prisma: db.prisma, teamId: a.teamId, userId: a.users.VIEWER.id });
    const ready = await viewer.overview.savings();
    expect(ready).toMatchObject({ state: "ready", currency: "USD", moves: 1, status: "optimal" });
    expect(ready.savingsPerMonth).toBeCloseTo(730, 6);
    // A what-if solve does not overwrite the overview's figure; the page's default solve does.
    await viewer.recommendations.solve({ whatIf: { removedClusterIds: [cheapId] } });
    expect((await viewer.overview.savings()).savingsPerMonth).toBeCloseTo(730, 6);
  });
});
