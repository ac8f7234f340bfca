// The optimizer's latency data against a real Prometheus (the Debian binary) holding the demo's backfill: a
// latency probe's history on a pool nothing runs on today makes that pool a candidate without "allow unknown
// latency", the default plan shows the saving, and the overview's savings figure follows without blocking.
// Skipped without the prometheus/promtool binaries.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latencyProbeSeries } from "../../dev-tools/demo/latency-probe-history";
import { resetEnv } from "../../env";
import { generateBackfill } from "../../dev-tools/local-prometheus/backfill";
import { fleetBackfillSeries } from "../../dev-tools/local-prometheus/fleet-backfill";
import { defaultEnvironment, planPrometheus } from "../../dev-tools/local-prometheus/prometheus-binary";
import { startPrometheus, type LocalPrometheus } from "../../dev-tools/local-prometheus/prometheus-process";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";
import { createTestDb, type TestDb } from "../../test/test-db";
import { loadTernMetricsInput } from "../metrics/export-tern-metrics";
import { unusedPort } from "../../test/fake-prometheus";
import { poolLatencyHistory } from "./pool-latency-history";
import { clearSavingsCache } from "./savings-cache";
import { refreshSavings } from "./savings-summary";

const plan = planPrometheus(defaultEnvironment());
const bins = plan.action === "use" && plan.bins.promtool ? plan.bins : null;
if (!bins) console.warn("[skip] pool-latency-history.integration.test.ts: no prometheus/promtool binary");

const LATENCY = { baseComputeMs: 6, gpu: { H100: 0.55 }, region: { "us-east-1": 8, "us-central1": 20 } };

describe.skipIf(!bins)("latency history per pool from a real Prometheus", () => {
  let db: TestDb;
  let a: TeamFixture;
  let prom: LocalPrometheus;
  let dataDir: string;
  let cheapId: string;
  const before = process.env.TERN_PROMETHEUS_URL;

  beforeAll(async () => {
    db = await createTestDb();
    a = await createTeamFixture(db.prisma, "alpha");
    const h100 = (allocatable: number, allocated: number) => ({ H100: { allocatable, allocated } });
    await db.prisma.cluster.update({ where: { id: a.clusterId }, data: { gpuCapacity: h100(4, 1) } });
    const gcp = await db.prisma.cloud.create({ data: { teamId: a.teamId, provider: "GCP", name: "gcp-alpha" } });
    const cheap = await db.prisma.cluster.create({
      data: {
        teamId: a.teamId,
        cloudId: gcp.id,
        name: "cheap",
        region: "us-central1",
        apiServer: "https://127.0.0.1:7443",
        credentialsCipher: "v1:x",
        gpuCapacity: h100(2, 0),
      },
    });
    cheapId = cheap.id;
    await db.prisma.gpuPrice.create({
      data: {
        teamId: a.teamId,
        provider: "GCP",
        region: "us-central1",
        gpuType: "H100",
        pricePerHour: 1.5,
        source: "test",
        effectiveDate: new Date("2026-01-01"),
      },
    });
    dataDir = mkdtempSync(path.join(tmpdir(), "tern-pool-latency-"));
    const tern = await loadTernMetricsInput({ prisma: db.prisma });
    const instance = "127.0.0.1:1";
    const scrape = { job: "tern-sim", instance };
    const series = [
      ...fleetBackfillSeries({
        workloads: [
          {
            ...scrape,
            cluster: "c-alpha",
            clusterId: a.clusterId,
            namespace: "models",
            deployment: "d-alpha",
            model: "m-alpha",
            modelVersion: "1.0.0",
            replicas: 1,
            gpusPerReplica: 1,
            gpuType: "H100",
            medianLatencyMs: 40,
            peakRps: 10,
          },
        ],
        nodes: [],
        tern: { job: "tern", instance, ...tern, now: new Date() },
      }),
      ...latencyProbeSeries({
        pools: [
          {
            cluster: "c-alpha",
            clusterId: a.clusterId,
            scrape,
            provider: "AWS",
            region: "us-east-1",
            gpuType: "H100",
          },
          { cluster: "cheap", clusterId: cheap.id, scrape, provider: "GCP", region: "us-central1", gpuType: "H100" },
        ],
        latency: LATENCY,
        team: a.teamId,
        tern: { job: "tern", instance },
      }),
    ];
    prom = await startPrometheus({
      bins: bins!,
      dataDir,
      port: await unusedPort(),
      targets: [],
      backfill: () => generateBackfill({ series, hours: 2, stepSeconds: 60, now: Date.now() }),
    });
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
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
