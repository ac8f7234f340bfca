// The latency chart from Tern's recording rules against a real Prometheus (the Debian binary): the local Prometheus
// loads the rules and backfills them over its history, and the recorded p50/p95/p99 equal what the chart computes
// from the buckets (itself equal to Prometheus' histogram_quantile, see charts-prometheus.integration.test.ts).
// Skipped without the prometheus/promtool binaries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fleetBackfillSeries } from "../../dev-tools/local-prometheus/fleet-backfill";
import { createPrometheusClient } from "../../metrics/prometheus-client";
import { latencyQuantile } from "../../metrics/promql";
import { rateWindowFor } from "../../metrics/promql-range";
import { RECORDING_RULES_FILE, recordedQuantileName, renderRecordingRules } from "../../metrics/recording-rules";
import {
  prometheusBinsOrSkip,
  startBackfilledPrometheus,
  type BackfilledPrometheus,
} from "../../test/backfilled-prometheus";
import { workloadHistory } from "../../test/fleet-history";
import { createTeamFixture, type TeamFixture } from "../../test/fixtures";
import { createTestDb, type TestDb } from "../../test/test-db";
import type { ChartPanel, ChartRange } from "../../validation/metrics";
import { getDeploymentCharts, type LatencyQueries } from "./get-deployment-charts";
import type { PrometheusSettings } from "./resolve-prometheus";

const bins = prometheusBinsOrSkip("recorded-latency.integration.test.ts");

const SCRAPE_SECONDS = 15;

/** Every point of every quantile as "name@t" → value, for comparing two answers point by point. */
function pointsOf(p: ChartPanel): Map<string, number | null> {
  if (!p.ok) throw new Error(`${p.error.kind}: ${p.error.message}`);
  const m = new Map<string, number | null>();
  for (const s of p.series) for (const [t, v] of s.points) m.set(`${s.name}@${t}`, v);
  return m;
}

const NAMES = { "0.5": "p50", "0.95": "p95", "0.99": "p99" } as Record<string, string>;
const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe.skipIf(!bins)("latency quantiles from recording rules on a real Prometheus", () => {
  let db: TestDb;
  let a: TeamFixture;
  let prom: BackfilledPrometheus;
  let startedMs: number;
  const queries: string[] = [];
  const settings = (scrapeSeconds = SCRAPE_SECONDS): PrometheusSettings => ({
    defaultUrl: prom.url,
    scrapeSeconds,
    timeoutMs: 10_000,
    fetch: (input, init) => {
      if (init?.body instanceof URLSearchParams) queries.push(init.body.get("query") ?? "");
      return fetch(input, init);
    },
  });

  beforeAll(async () => {
    db = await createTestDb();
    a = await createTeamFixture(db.prisma, "alpha");
    const series = fleetBackfillSeries({
      workloads: [workloadHistory({ clusterId: a.clusterId, replicas: 2, medianLatencyMs: 80 })],
      nodes: [],
    });
    startedMs = Date.now();
    prom = await startBackfilledPrometheus({
      bins: bins!,
      series,
      stepSeconds: SCRAPE_SECONDS,
      tmpPrefix: "tern-recorded-prom-",
      scrapeIntervalSeconds: SCRAPE_SECONDS,
      rules: { [RECORDING_RULES_FILE]: renderRecordingRules({ windows: [rateWindowFor(0, SCRAPE_SECONDS)] }) },
      readyTimeoutMs: 30_000,
    });
  }, 120_000);

  afterAll(async () => {
    await prom?.stop();
    await db?.close();
  });

  const charts = (range: ChartRange, widthPx: number, nowMs: number, latencyQueries: LatencyQueries, s = settings()) =>
    getDeploymentCharts({
      prisma: db.prisma,
      teamId: a.teamId,
      userId: a.users.VIEWER.id,
      prometheus: s,
      nowMs,
      latencyQueries,
      input: { id: a.deploymentId, range, widthPx },
    });

  const deployment = () => ({ cluster: a.clusterId, namespace: "models", deployment: "d-alpha" });

  /** The rules' own samples (quantile name → [t ms, value ms]) up to Prometheus' start, with their real timestamps. */
  async function recordedSamples(): Promise<Map<string, [number, number][]>> {
    const client = createPrometheusClient({ baseUrl: prom.url });
    const name = recordedQuantileName("request_predict_seconds", rateWindowFor(0, SCRAPE_SECONDS));
    const r = await client.query(`${name}{deployment="d-alpha"}[3h]`, startedMs);
    if (!r.ok) throw new Error(r.error.message);
    const out = new Map<string, [number, number][]>();
    for (const s of r.series)
      out.set(
        NAMES[s.labels.quantile!]!,
        s.points.map(([t, v]) => [t, v * 1000] as [number, number]),
      );
    return out;
  }

  /**
   * The recorded path against the rules' samples (each step shows the latest evaluation at or before it) and, for
   * the steps before the rules' first evaluation, against the buckets path: both exact. Returns the counts compared.
   */
  async function compare(range: ChartRange, widthPx: number) {
    const nowMs = startedMs;
    queries.length = 0;
    const recorded = await charts(range, widthPx, nowMs, "recorded");
    const recordedQueries = [...queries];
    const buckets = pointsOf((await charts(range, widthPx, nowMs, "buckets")).latency);
    const samples = await recordedSamples();
    let fromRules = 0;
    let fromBuckets = 0;
    for (const [key, g] of pointsOf(recorded.latency)) {
      const name = key.slice(0, key.indexOf("@"));
      const t = Number(key.slice(key.indexOf("@") + 1));
      const own = samples.get(name)!;
      const latest = own.findLast(([ts]) => ts <= t);
      if (latest && t - latest[0] <= 5 * 60_000) {
        expect(g, key).not.toBeNull();
        expect(relDiff(g!, latest[1]), key).toBeLessThan(1e-9);
        // Evaluated at most one rule interval (15 s) before the step, plus the evaluation's own lag (seen: 226 ms).
        expect(t - latest[0], key).toBeLessThan(16_000);
        fromRules++;
      } else {
        const w = buckets.get(key);
        expect(g === null, key).toBe(w == null);
        if (g !== null) expect(relDiff(g, w!), key).toBeLessThan(1e-9);
        fromBuckets++;
      }
    }
    return { fromRules, fromBuckets, recordedQueries };
  }

  it("records exactly what histogram_quantile over the buckets answers at each evaluation", async () => {
    const samples = await recordedSamples();
    const client = createPrometheusClient({ baseUrl: prom.url });
    for (const [name, q] of [
      ["p50", 0.5],
      ["p95", 0.95],
      ["p99", 0.99],
    ] as const) {
      const own = samples.get(name)!;
      expect(own.length).toBeGreaterThan(300); // 2 h of history at 15 s, backfilled by promtool
      const direct = latencyQuantile({ ...deployment(), window: rateWindowFor(0, SCRAPE_SECONDS), quantile: q });
      // On the rules' own evaluation grid (a per-group offset, every 15 s).
      const r = await client.queryRange(direct.expr, own[0]![0], own.at(-1)![0], 15);
      if (!r.ok) throw new Error(r.error.message);
      const at = new Map(r.series[0]!.points.map(([t, v]) => [t, v]));
      let compared = 0;
      for (const [t, v] of own) {
        const w = at.get(t);
        if (w === undefined || !Number.isFinite(v)) continue;
        expect(relDiff(v, w), `${name}@${t}`).toBeLessThan(1e-9);
        compared++;
      }
      expect(compared).toBeGreaterThan(own.length * 0.9);
    }
  });

  it("reads the recorded quantiles, with no bucket query, within 15 s of each step", async () => {
    const { fromRules, fromBuckets, recordedQueries } = await compare("1h", 250);
    expect(fromRules).toBeGreaterThan(3 * 230);
    expect(fromBuckets).toBe(0);
    expect(recordedQueries.some((q) => q.includes("tern_deployment:request_predict_seconds"))).toBe(true);
    expect(recordedQueries.some((q) => q.includes("_bucket"))).toBe(false);
  });

  it("computes from the buckets the start of a range the rules did not record, exactly as the buckets path", async () => {
    // 6 h reach back before the history; the rules start at its first whole minute.
    const { fromRules, fromBuckets, recordedQueries } = await compare("6h", 1500);
    expect(fromRules).toBeGreaterThan(3 * 400);
    expect(fromBuckets).toBeGreaterThan(0);
    expect(recordedQueries.filter((q) => q.includes("_bucket"))).toHaveLength(1);
  });

  it("falls back to the buckets for a rate window the rules do not record", async () => {
    // At a 30 s scrape interval the charts' window is 2m; the rules record 1m only.
    const nowMs = startedMs;
    const s = settings(30);
    queries.length = 0;
    const recorded = pointsOf((await charts("1h", 250, nowMs, "recorded", s)).latency);
    expect(queries.filter((q) => q.includes("_bucket"))).toHaveLength(1);
    const buckets = pointsOf((await charts("1h", 250, nowMs, "buckets", s)).latency);
    expect([...recorded.entries()]).toEqual([...buckets.entries()]);
    expect([...recorded.values()].filter((v) => v !== null).length).toBeGreaterThan(3 * 200);
  });
});
