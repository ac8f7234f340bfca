// The chart services against a real Prometheus (the Debian binary) holding a backfilled history of one
// deployment, with Tern's gauges rendered from the database: the joins, labels and sums hold end to end.
// Skipped without the prometheus/promtool binaries.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBackfill } from "../../metrics/backfill";
import { fleetBackfillSeries } from "../../metrics/fleet-backfill";
import { defaultEnvironment, planPrometheus } from "../../metrics/prometheus-binary";
import { startPrometheus, type LocalPrometheus } from "../../metrics/prometheus-process";
import { createTestDb, type TestDb } from "../../test/test-db";
import { createTeamFixture, type TeamFixture } from "../../test/fixtures";
import type { ChartPanel } from "../../validation/metrics";
import { loadTernMetricsInput } from "./export-tern-metrics";
import { unusedPort } from "./fake-prometheus";
import { getClusterCharts } from "./get-cluster-charts";
import { getDeploymentCharts } from "./get-deployment-charts";
import { getOverviewCharts } from "./get-overview-charts";
import type { PrometheusSettings } from "./resolve-prometheus";

const plan = planPrometheus(defaultEnvironment());
const bins = plan.action === "use" && plan.bins.promtool ? plan.bins : null;
if (!bins) console.warn("[skip] charts-prometheus.integration.test.ts: no prometheus/promtool binary");

const last = (p: ChartPanel, name?: string) => {
  if (!p.ok) throw new Error(`${p.error.kind}: ${p.error.message}`);
  const s = name ? p.series.find((x) => x.name === name) : p.series[0];
  return s?.points.findLast(([, v]) => v !== null)?.[1] ?? null;
};

describe.skipIf(!bins)("charts from a real Prometheus", () => {
  let db: TestDb;
  let a: TeamFixture;
  let prom: LocalPrometheus;
  let dataDir: string;
  let settings: PrometheusSettings;

  beforeAll(async () => {
    db = await createTestDb();
    a = await createTeamFixture(db.prisma, "alpha");
    await db.prisma.deployment.update({ where: { id: a.deploymentId }, data: { replicas: 2 } });
    dataDir = mkdtempSync(path.join(tmpdir(), "tern-charts-prom-"));
    const tern = await loadTernMetricsInput({ prisma: db.prisma });
    const instance = "127.0.0.1:1";
    const series = fleetBackfillSeries({
      workloads: [
        {
          job: "tern-sim",
          instance,
          cluster: "c-alpha",
          clusterId: a.clusterId,
          namespace: "models",
          deployment: "d-alpha",
          model: "m-alpha",
          modelVersion: "1.0.0",
          replicas: 2,
          gpusPerReplica: 1,
          gpuType: "H100",
          // A 300 ms median is over the fixture's 200 ms SLO.
          medianLatencyMs: 300,
          peakRps: 10,
        },
      ],
      nodes: [
        { job: "tern-sim", instance, cluster: "c-alpha", clusterId: a.clusterId, node: "n0", gpuType: "H100", gpus: 8, region: "us-east-1" },
      ],
      tern: { job: "tern", instance, ...tern, now: new Date() },
    });
    prom = await startPrometheus({
      bins: bins!,
      dataDir,
      port: await unusedPort(),
      targets: [],
      backfill: () => generateBackfill({ series, hours: 2, stepSeconds: 15, now: Date.now() }),
    });
    settings = { defaultUrl: prom.url, scrapeSeconds: 15, timeoutMs: 5000 };
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const scope = () => ({ prisma: db.prisma, teamId: a.teamId, userId: a.users.VIEWER.id, prometheus: settings });

  it("draws a deployment's latency, traffic, replicas and cost", async () => {
    const d = await getDeploymentCharts({ ...scope(), input: { id: a.deploymentId, range: "1h", widthPx: 400 } });
    expect(last(d.latency, "p95")).toBeGreaterThan(200);
    expect(last(d.latency, "p50")).toBeLessThan(last(d.latency, "p99")!);
    expect(last(d.requests)).toBeGreaterThan(0);
    expect(last(d.readyReplicas)).toBe(2);
    // 2 ready × 1 GPU × 2.50 USD per GPU-hour
    expect(last(d.costPerHour)).toBeCloseTo(5, 6);
    expect(d.costPerHour.ok && d.costPerHour.series[0]?.currency).toBe("USD");
    // An hour at 5 USD/h, give or take one step at each end.
    expect(last(d.cumulativeCost)).toBeGreaterThan(4.7);
    expect(last(d.cumulativeCost)).toBeLessThanOrEqual(5.01);
    expect(d.formula.readyReplicas).toBe(2);
    for (const p of [d.latency, d.requests, d.readyReplicas, d.costPerHour])
      for (const s of p.ok ? p.series : []) expect(s.points.length).toBeLessThanOrEqual(400);
  });

  it("draws a cluster's GPUs by type and its cost", async () => {
    const c = await getClusterCharts({ ...scope(), input: { id: a.clusterId, range: "6h" } });
    expect(
      c.gpus.ok && c.gpus.series.map((s) => [s.name, s.group, s.points.findLast(([, v]) => v !== null)?.[1]]),
    ).toEqual([
      ["H100", "allocatable", 8],
      ["H100", "allocated", 2],
    ]);
    expect(last(c.costPerHour)).toBeCloseTo(5, 6);
  });

  it("sums the overview by cloud and model and finds the SLO breach", async () => {
    const o = await getOverviewCharts({ ...scope(), input: { range: "1h" } });
    expect(o.errors).toEqual([]);
    expect(o.current.byCloud).toEqual([{ name: "AWS", currency: "USD", value: 5 }]);
    expect(o.current.byModel).toEqual([{ name: "m-alpha", currency: "USD", value: 5 }]);
    expect(o.slo.ok && o.slo.breaches.map((b) => b.name)).toEqual(["d-alpha"]);
    expect(o.totals.requestsPerSecond).toBeGreaterThan(0);
  });
});
