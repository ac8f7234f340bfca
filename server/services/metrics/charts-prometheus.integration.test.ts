// The chart services against a real Prometheus (the Debian binary) holding a backfilled history of one
// deployment, with Tern's gauges rendered from the database: the joins, labels and sums hold end to end, and
// Tern's histogram_quantile (metrics/histogram-quantile.ts) answers as Prometheus' own on the same data.
// Skipped without the prometheus/promtool binaries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { histogramQuantiles } from "../../metrics/histogram-quantile";
import { createPrometheusClient, type Series } from "../../metrics/prometheus-client";
import { fleetBackfillSeries } from "../../dev-tools/local-prometheus/fleet-backfill";
import {
  prometheusBinsOrSkip,
  startBackfilledPrometheus,
  type BackfilledPrometheus,
} from "../../test/backfilled-prometheus";
import { nodeHistory, SIM_SCRAPE, workloadHistory } from "../../test/fleet-history";
import { lastPoint as last } from "../../test/last-chart-point";
import { createTestDb, type TestDb } from "../../test/test-db";
import { createTeamFixture, type TeamFixture } from "../../test/fixtures";
import { loadTernMetricsInput } from "./export-tern-metrics";
import { getClusterCharts } from "./get-cluster-charts";
import { getDeploymentCharts } from "./get-deployment-charts";
import { getOverviewCharts } from "./get-overview-charts";
import { errorRatio } from "../../metrics/promql";
import { withGaps } from "./chart-series";
import { chartWindow } from "./run-query";
import { rateWindow } from "./resolve-prometheus";
import type { PrometheusSettings } from "./resolve-prometheus";

const bins = prometheusBinsOrSkip("charts-prometheus.integration.test.ts");

describe.skipIf(!bins)("charts from a real Prometheus", () => {
  let db: TestDb;
  let a: TeamFixture;
  let prom: BackfilledPrometheus;
  let settings: PrometheusSettings;

  beforeAll(async () => {
    db = await createTestDb();
    a = await createTeamFixture(db.prisma, "alpha");
    await db.prisma.deployment.update({ where: { id: a.deploymentId }, data: { replicas: 2 } });
    const tern = await loadTernMetricsInput({ prisma: db.prisma });
    const series = fleetBackfillSeries({
      // A 300 ms median is over the fixture's 200 ms SLO.
      workloads: [workloadHistory({ clusterId: a.clusterId, replicas: 2, medianLatencyMs: 300 })],
      nodes: [nodeHistory({ clusterId: a.clusterId })],
      tern: { job: "tern", instance: SIM_SCRAPE.instance, ...tern, now: new Date() },
    });
    prom = await startBackfilledPrometheus({ bins: bins!, series, stepSeconds: 15, tmpPrefix: "tern-charts-prom-" });
    settings = { defaultUrl: prom.url, scrapeSeconds: 15, timeoutMs: 5000 };
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    await db?.close();
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

  it("divides the error ratio as Prometheus' own errorRatio query does, point for point", async () => {
    const input = { id: a.deploymentId, range: "1h" as const, widthPx: 400 };
    const nowMs = Date.now();
    const d = await getDeploymentCharts({ ...scope(), input, nowMs });
    const w = chartWindow(input.range, input.widthPx, nowMs);
    const client = createPrometheusClient({ baseUrl: prom.url });
    const scoped = {
      cluster: a.clusterId,
      namespace: "models",
      deployment: "d-alpha",
      window: rateWindow(w.stepSeconds, settings),
    };
    const r = await client.queryRange(errorRatio(scoped).expr, w.startMs, w.endMs, w.stepSeconds);
    if (!r.ok || !d.errorRatio.ok) throw new Error("no error ratio");
    const want = withGaps(r.series[0]!.points, w.stepSeconds);
    const got = d.errorRatio.series[0]!.points;
    expect(got.filter(([, v]) => v !== null).length).toBeGreaterThan(100);
    expect(got.map(([t]) => t)).toEqual(want.map(([t]) => t));
    got.forEach(([, v], i) => expect(v).toBeCloseTo(want[i]![1]!, 12));
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

  describe("histogram_quantile computed by Tern equals Prometheus' on the same data", () => {
    const QS = [0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1];
    const bucket = (le: string, value: string) => `label_replace(vector(${value}), "le", "${le}", "", "")`;
    const synthetic = (parts: [string, string][]) => parts.map(([le, v]) => bucket(le, v)).join(" or ");
    // time() makes the counts move from step to step, through the cases quantile.go treats apart.
    const cases: [string, string][] = [
      [
        "the simulator's bucket rates, 1 m window",
        'sum by (le) (rate(request_predict_seconds_bucket{deployment="d-alpha"}[1m]))',
      ],
      [
        "the simulator's bucket rates, 5 m window",
        'sum by (le) (rate(request_predict_seconds_bucket{deployment="d-alpha"}[5m]))',
      ],
      [
        "bucket rates grouped by deployment",
        "sum by (le, tern_cluster_id, namespace, deployment) (rate(request_predict_seconds_bucket[2m]))",
      ],
      [
        "counts that decrease between buckets (forced monotonic)",
        synthetic([
          ["0.1", "time() % 7"],
          ["0.25", "time() % 5"],
          ["0.5", "(time() % 11) + 1"],
          ["1", "time() % 13"],
          ["+Inf", "time() % 17"],
        ]),
      ],
      [
        "no observations at some steps (NaN) and ranks in the +Inf bucket",
        synthetic([
          ["0.005", "0 * time()"],
          ["0.05", "(time() % 3) * 0.5"],
          ["+Inf", "(time() % 4) * 2"],
        ]),
      ],
      [
        "bounds at and below zero",
        synthetic([
          ["-2", "time() % 3"],
          ["0", "(time() % 3) + (time() % 2)"],
          ["3.5", "(time() % 3) + 4"],
          ["+Inf", "(time() % 3) + 9"],
        ]),
      ],
      [
        "no +Inf bucket",
        synthetic([
          ["0.1", "1"],
          ["1", "time() % 9"],
        ]),
      ],
      ["the +Inf bucket alone", synthetic([["+Inf", "time() % 5"]])],
    ];

    const key = (s: Series) => JSON.stringify(Object.entries(s.labels).sort());
    const same = (a: number, b: number) =>
      (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

    it.each(cases)("%s", async (_, expr) => {
      const client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 10_000 });
      const end = Math.floor(Date.now() / 15_000) * 15_000;
      const start = end - 3600_000;
      const buckets = await client.queryRange(expr, start, end, 15);
      if (!buckets.ok) throw new Error(buckets.error.message);
      expect(buckets.series.length).toBeGreaterThan(0);
      const ours = histogramQuantiles(buckets.series, QS, 1000);
      let compared = 0;
      for (const [i, q] of QS.entries()) {
        const theirs = await client.queryRange(`(histogram_quantile(${q}, ${expr})) * 1000`, start, end, 15);
        if (!theirs.ok) throw new Error(theirs.error.message);
        expect(theirs.series.map(key).sort()).toEqual(ours.map((g) => key({ labels: g.labels, points: [] })).sort());
        for (const s of theirs.series) {
          const mine = ours.find((g) => key({ labels: g.labels, points: [] }) === key(s))!.points[i]!;
          expect(mine.map(([t]) => t)).toEqual(s.points.map(([t]) => t));
          s.points.forEach(([t, v], n) => {
            if (!same(mine[n]![1], v)) throw new Error(`q=${q} at ${t}: Tern ${mine[n]![1]}, Prometheus ${v}`);
            compared++;
          });
        }
      }
      expect(compared).toBeGreaterThan(QS.length * 200);
    });
  });
});
