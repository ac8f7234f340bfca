// Issue 5's figures: the SVG chart endpoint and the deployment page's chart data, against a real local Prometheus
// (the same binary `npm start` runs) holding 25 h of backfilled history for the demo's three deployments and Tern's
// price/deployment gauges, so every query, cost included, runs as on the shared Prometheus in production.
//
// embed.svg.p50/p95: serveEmbedSvg (what app/api/embed/[token]/svg/route.ts calls) with a Request, in process, one
// request at a time over five live 24 h links (one per metric: latency, requests, errors, replicas, cost) at the
// default 800×300. Both in-process caches are emptied before every request (forgetEmbedSeries, forgetEmbedLink), so
// each one looks its token up in the database, reads the deployment and price book, runs its Prometheus query and
// draws the SVG. Only the "last used" write stays throttled to once a minute per link, as in production.
// embed.svg.rps: 8 requests in flight for 5 s over the same five links, with the handler's real caches (series shared
// for 10 s per link and width, token lookups for 30 s), starting empty; the response body is read every time.
// charts.deployment_24h: metrics.deploymentCharts through the tRPC caller, a context built per call as a request
// would; 24 h at a 60 s step. The page asks with its width rounded up to 100 px, and 1,500 px is the narrowest
// width that gets the 60 s step (1,440 px gets 120 s: at most 1,440 points, and 24 h at 60 s is 1,441). As served:
// latency from the recording rules (the local Prometheus loads them and backfills them over its history), and the
// process' range cache (metrics/range-cache.ts), so a load repeated within the minute asks Prometheus nothing and a
// later one only for the last minutes. Side by side, taking turns with it: .uncached, the same with the cache
// emptied before every call (a first load); .buckets, the histogram's bucket rates fetched once and p50/p95/p99
// computed in Tern, no cache (the path before the rules); .seven_queries, the path before that (one
// histogram_quantile query per quantile, seven queries at once); and .promql, those seven range queries posted
// straight to Prometheus at once. All run while the simulated fleet (its model servers and its load generator,
// `npm run sim`) runs in another process; .load_rps is what the load generator got answered meanwhile.
// charts.overview_24h: metrics.overview through the tRPC caller (cost over 24 h plus current p95 and request rates
// of the three deployments), with the number of queries it sends (range and instant); .uncached empties the range
// cache first.
// Not included: Next.js routing and HTTP, and the browser's drawing.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createContextInner } from "../api/context.ts";
import { createCaller } from "../api/root.ts";
import { generateBackfill } from "../dev-tools/local-prometheus/backfill.ts";
import { defaultEnvironment, INSTALL_HINT, planPrometheus } from "../dev-tools/local-prometheus/prometheus-binary.ts";
import { startPrometheus, type LocalPrometheus } from "../dev-tools/local-prometheus/prometheus-process.ts";
import { forgetEmbedSeries } from "../services/embeds/render-embed-chart.ts";
import { forgetEmbedLink } from "../services/embeds/resolve-embed-link.ts";
import { serveEmbedSvg } from "../services/embeds/serve-embed-svg.ts";
import { unusedPort } from "../test/fake-prometheus.ts";
import { getDeploymentCharts, type LatencyQueries } from "../services/metrics/get-deployment-charts.ts";
import { forgetRanges, sharedRangeCache } from "../metrics/range-cache.ts";
import { getOverviewCharts } from "../services/metrics/get-overview-charts.ts";
import { settingsFromEnv, type PrometheusSettings } from "../services/metrics/resolve-prometheus.ts";
import type { DeploymentChartsDto } from "../validation/metrics.ts";
import { EMBED_METRICS, type CreatedEmbedDto } from "../validation/embed.ts";
import type { BenchDb } from "./bench-db.ts";
import { nowMs, percentiles } from "./latency-stats.ts";
import type { Figure } from "./list-bench.ts";
import { measure, type Timing } from "./measure.ts";
import { seedCharts } from "./seed-charts.ts";
import { rateWindowFor } from "../metrics/promql-range.ts";
import { RECORDING_RULES_FILE, renderRecordingRules } from "../metrics/recording-rules.ts";
import { startSimLoad, type SimLoad } from "./sim-load.ts";

/** A figure whose ratio is against something other than the list bench's SQL. */
export type ChartsFigure = Figure & { vs?: string };

/** Tern's default TERN_PROMETHEUS_SCRAPE_SECONDS; the backfill has a sample every scrape. */
const SCRAPE_SECONDS = 30;
/** A day and an hour, so the first points of a 24 h chart have full rate() windows behind them. */
const HISTORY_HOURS = 25;
const SVG_RUNS = 100;
const SVG_WARMUP = 10;
const RPS_IN_FLIGHT = 8;
const RPS_SECONDS = 5;
const CHART_RUNS = 30;
const CHART_WARMUP = 3;
const CHART_WIDTH_PX = 1_500;
const CHART_STEP_SECONDS = 60;
/** Grafana's image renderer: about 5 s per PNG panel. */
const GRAFANA_RENDER_MS = 5_000;

/** Range queries Prometheus has answered so far, from its own /metrics. */
async function rangeQueriesServed(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let n = 0;
  for (const line of text.split("\n"))
    if (line.startsWith("prometheus_http_requests_total{") && line.includes('handler="/api/v1/query_range"'))
      n += Number(line.slice(line.lastIndexOf(" ") + 1));
  return n;
}

/** Like measure(), for calls taking turns, so all see the same moments of a busy machine. */
async function alternate(fns: readonly (() => Promise<unknown>)[], n: number, warmup: number): Promise<Timing[]> {
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < warmup + n; i++)
    for (const [k, fn] of fns.entries()) {
      const t0 = nowMs();
      await fn();
      if (i >= warmup) samples[k]!.push(nowMs() - t0);
    }
  return samples.map((x) => percentiles(x));
}

/**
 * The queries one service call sends to Prometheus (range ones; with `instant`, instant ones too), caught by the
 * fetch it is given in its Prometheus settings (the client posts a URLSearchParams form).
 */
async function recordQueries(
  promUrl: string,
  call: (prometheus: PrometheusSettings) => Promise<unknown>,
  instant = false,
): Promise<string[]> {
  const bodies: string[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const path = url.startsWith(promUrl) ? url.slice(promUrl.length).split("?")[0] : "";
    if (
      (path === "/api/v1/query_range" || (instant && path === "/api/v1/query")) &&
      init?.body instanceof URLSearchParams
    )
      bodies.push(init.body.toString());
    return fetch(input, init);
  };
  await call({ ...settingsFromEnv(), fetch: recording });
  return bodies;
}

/** The reference: the same PromQL posted straight to Prometheus, all at once as the service does, answers read. */
function replay(promUrl: string, bodies: string[]): Promise<unknown> {
  return Promise.all(
    bodies.map(async (body) => {
      const res = await fetch(`${promUrl}/api/v1/query_range`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
      });
      if (res.status !== 200) throw new Error(`Prometheus answered HTTP ${res.status}: ${await res.text()}`);
      return res.text();
    }),
  );
}

/** Fails loudly on a chart with an error or no data: timing empty answers would flatter the figures. */
function checkDeploymentCharts(r: DeploymentChartsDto): number {
  if (r.window.stepSeconds !== CHART_STEP_SECONDS)
    throw new Error(`deployment charts: step ${r.window.stepSeconds} s, expected ${CHART_STEP_SECONDS} s`);
  let maxPoints = 0;
  for (const key of ["latency", "requests", "errorRatio", "readyReplicas", "costPerHour", "cumulativeCost"] as const) {
    const p = r[key];
    if (!p.ok) throw new Error(`deployment charts: ${key} failed: ${p.error.kind}: ${p.error.message}`);
    if (p.series.length === 0) throw new Error(`deployment charts: ${key} has no series`);
    for (const s of p.series) {
      const filled = s.points.filter(([, v]) => v !== null).length;
      if (filled < 0.95 * s.points.length)
        throw new Error(
          `deployment charts: ${key}/${s.name} has values at only ${filled} of ${s.points.length} points`,
        );
      maxPoints = Math.max(maxPoints, s.points.length);
    }
  }
  return maxPoints;
}

export interface ChartsBenchOptions {
  /** The SVG embed figures (true) or the chart data only (false: `npm run bench -- chart-data`). */
  svg: boolean;
}

export async function runChartsBench(
  db: BenchDb,
  opts: ChartsBenchOptions = { svg: true },
): Promise<ChartsFigure[] | null> {
  const plan = planPrometheus(defaultEnvironment());
  if (plan.action !== "use" || !plan.bins.promtool) {
    console.log(`# skipped: the charts bench needs the prometheus and promtool binaries; ${INSTALL_HINT}`);
    return null;
  }
  const bins = plan.bins;
  const seeded = await seedCharts(db.prisma);
  const dataDir = mkdtempSync(path.join(tmpdir(), "tern-bench-prom-"));
  let prom: LocalPrometheus | undefined;
  let sim: SimLoad | undefined;
  try {
    const log: string[] = [];
    const t0 = nowMs();
    prom = await startPrometheus({
      bins,
      dataDir,
      // A port the kernel just handed out; nothing scrapes, the history is all backfilled.
      port: await unusedPort(),
      targets: [],
      scrapeIntervalSeconds: SCRAPE_SECONDS,
      backfill: () =>
        generateBackfill({ series: seeded.series, hours: HISTORY_HOURS, stepSeconds: SCRAPE_SECONDS, now: Date.now() }),
      rules: { [RECORDING_RULES_FILE]: renderRecordingRules({ windows: [rateWindowFor(0, SCRAPE_SECONDS)] }) },
      log: (l) => log.push(l),
      readyTimeoutMs: 30_000,
    });
    if (!prom.backfilled) throw new Error(`the local Prometheus started without history: ${log.join("; ")}`);
    console.log(
      `# Prometheus ${prom.url} with ${HISTORY_HOURS} h of history ready in ${((nowMs() - t0) / 1000).toFixed(1)} s`,
    );

    // The SVG route and the tRPC procedure find Prometheus as in production: TERN_PROMETHEUS_URL, read once.
    process.env.TERN_PROMETHEUS_URL = prom.url;
    process.env.TERN_PROMETHEUS_SCRAPE_SECONDS = String(SCRAPE_SECONDS);
    if (settingsFromEnv().defaultUrl !== prom.url)
      throw new Error("Tern's environment was read before the charts bench set TERN_PROMETHEUS_URL; run it first");

    const caller = async () =>
      createCaller(
        await createContextInner({
          prisma: db.prisma,
          user: { ...seeded.user, name: "Charts bench", locale: "en", sessionId: "bench" },
          teamId: seeded.teamId,
        }),
      );

    const figures: ChartsFigure[] = opts.svg ? await svgBench(db, seeded, prom.url, caller) : [];

    // --- the deployment page's chart data, under load -----------------------------------------------------------
    const t1 = nowMs();
    sim = await startSimLoad();
    console.log(
      `# simulated fleet with its load generator ready in ${((nowMs() - t1) / 1000).toFixed(1)} s (own process)`,
    );
    figures.push(...(await chartDataBench(db, seeded, prom.url, caller, sim)));
    return figures;
  } finally {
    await sim?.stop();
    await prom?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Caller = () => Promise<ReturnType<typeof createCaller>>;

async function svgBench(
  db: BenchDb,
  seeded: Awaited<ReturnType<typeof seedCharts>>,
  promUrl: string,
  caller: Caller,
): Promise<ChartsFigure[]> {
  // --- the SVG endpoint -------------------------------------------------------------------------------------
  const links: CreatedEmbedDto[] = [];
  for (const metric of EMBED_METRICS)
    links.push(await (await caller()).embed.create({ deploymentId: seeded.deploymentId, metric, rangeMinutes: 1440 }));
  const svg = async (link: CreatedEmbedDto) => {
    const res = await serveEmbedSvg({
      prisma: db.prisma,
      token: link.token,
      request: new Request(`http://tern.bench${link.svgPath}`),
    });
    const body = await res.text();
    if (res.status !== 200 || !body.includes(": latest ") || body.includes("No data"))
      throw new Error(`embed ${link.metric}: HTTP ${res.status} without a chart: ${body.slice(0, 300)}`);
  };
  let next = 0;
  const uncached = await measure(
    () => {
      const link = links[next++ % links.length]!;
      forgetEmbedSeries();
      forgetEmbedLink(link.id);
      return svg(link);
    },
    SVG_RUNS,
    SVG_WARMUP,
  );

  forgetEmbedSeries();
  for (const l of links) forgetEmbedLink(l.id);
  const queriesBefore = await rangeQueriesServed(promUrl);
  let served = 0;
  const start = nowMs();
  const deadline = start + RPS_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: RPS_IN_FLIGHT }, async () => {
      while (nowMs() < deadline) {
        await svg(links[served++ % links.length]!);
      }
    }),
  );
  const rps = served / ((nowMs() - start) / 1000);
  const rpsQueries = (await rangeQueriesServed(promUrl)) - queriesBefore;

  const vsGrafana = { vs: "grafana" };
  return [
    { name: "embed.svg.p50", value: uncached.p50, unit: "ms", ratio: uncached.p50 / GRAFANA_RENDER_MS, ...vsGrafana },
    { name: "embed.svg.p95", value: uncached.p95, unit: "ms", ratio: uncached.p95 / GRAFANA_RENDER_MS, ...vsGrafana },
    { name: "embed.svg.grafana_anchor", value: GRAFANA_RENDER_MS, unit: "ms" },
    { name: "embed.svg.rps", value: rps, unit: "req/s" },
    { name: "embed.svg.rps_prometheus_queries", value: rpsQueries, unit: "queries" },
  ];
}

async function chartDataBench(
  db: BenchDb,
  seeded: Awaited<ReturnType<typeof seedCharts>>,
  promUrl: string,
  caller: Caller,
  sim: SimLoad,
): Promise<ChartsFigure[]> {
  const input = { id: seeded.deploymentId, range: "24h" as const, widthPx: CHART_WIDTH_PX };
  const scope = { prisma: db.prisma, teamId: seeded.teamId, userId: seeded.user.id };
  const charts = async () => (await caller()).metrics.deploymentCharts(input);
  // The references call the service directly with Tern's settings but no range cache.
  const direct = (latencyQueries: LatencyQueries, at?: number) =>
    getDeploymentCharts({
      ...scope,
      input,
      prometheus: settingsFromEnv(),
      latencyQueries,
      ...(at ? { nowMs: at } : {}),
    });
  // A first load: the service without the range cache, so every query goes to Prometheus (the recorded quantiles
  // still apply). Emptying the shared cache instead would also empty it for the calls taking turns with this one.
  const uncached = () => direct("recorded");
  const bucketsPath = () => direct("buckets");
  const sevenQueries = () => direct("per-quantile");

  const pointsPerSeries = checkDeploymentCharts(await charts());
  // The same moment for all, so all have the same window.
  const at = Date.now();
  const fresh = await direct("buckets", at);
  const before = await direct("per-quantile", at);
  const recorded = await direct("recorded", at);
  checkDeploymentCharts(before);
  checkDeploymentCharts(recorded);
  const latencyDiff = maxLatencyDifference(before, fresh);
  if (latencyDiff > 1e-9)
    throw new Error(`deployment charts: latency differs from histogram_quantile's by ${latencyDiff} (relative)`);
  // Recorded points are the rules' evaluation at most 15 s before each step: close, not equal (see the README).
  const recordedDiff = latencyDifferences(recorded, fresh);
  const queries = await recordQueries(promUrl, (prometheus) => getDeploymentCharts({ ...scope, input, prometheus }));
  const bucketQueries = await recordQueries(promUrl, (prometheus) =>
    getDeploymentCharts({ ...scope, input, prometheus, latencyQueries: "buckets" }),
  );
  const oldQueries = await recordQueries(promUrl, (prometheus) =>
    getDeploymentCharts({ ...scope, input, prometheus, latencyQueries: "per-quantile" }),
  );
  if (queries.length === 0 || oldQueries.length === 0)
    throw new Error("deployment charts: no range query to Prometheus was seen");
  if (queries.some((q) => q.includes("_bucket")))
    throw new Error("deployment charts: the recorded quantiles were not used (a bucket query was sent)");
  const overview = async () => (await caller()).metrics.overview({ range: "24h", widthPx: CHART_WIDTH_PX });
  const overviewUncached = () =>
    getOverviewCharts({ ...scope, input: { range: "24h", widthPx: CHART_WIDTH_PX }, prometheus: settingsFromEnv() });
  const o = await overview();
  // Current p95 needs samples in the last 2 minutes of the backfill: a slow start on a busy machine leaves none.
  if (!o.slo.ok || o.errors.length) throw new Error(`overview: ${JSON.stringify(o.errors)}`);
  const overviewQueries = await recordQueries(
    promUrl,
    (prometheus) => getOverviewCharts({ ...scope, input: { range: "24h", widthPx: CHART_WIDTH_PX }, prometheus }),
    true,
  );

  // Interleaved, so a busy moment on the machine falls on all alike.
  forgetRanges();
  const answered0 = await sim.answered();
  const load0 = loadavg()[0]!;
  const t0 = nowMs();
  const cache0 = { ...sharedRangeCache.stats };
  const [now, cold, buckets, old, promql, ov, ovCold] = await alternate(
    [charts, uncached, bucketsPath, sevenQueries, () => replay(promUrl, oldQueries), overview, overviewUncached],
    CHART_RUNS,
    CHART_WARMUP,
  );
  const loadRps = ((await sim.answered()) - answered0) / ((nowMs() - t0) / 1000);
  const load1 = loadavg()[0]!;
  console.log(
    `# measured with the load generator answering ${loadRps.toFixed(1)} req/s; 1-minute load average ${load0.toFixed(2)} before, ${load1.toFixed(2)} after, on ${availableParallelism()} cores; range cache: ${sharedRangeCache.stats.queries - cache0.queries} queries sent, ${sharedRangeCache.stats.hits - cache0.hits} answered from it`,
  );
  // CPU per page load, Tern's process and Prometheus' together: what a busy machine's wait time is made of.
  const cpuNew = await cpuPerCall(promUrl, charts);
  const cpuCold = await cpuPerCall(promUrl, uncached);
  const cpuBuckets = await cpuPerCall(promUrl, bucketsPath);
  const cpuOld = await cpuPerCall(promUrl, sevenQueries);
  for (const [name, c] of Object.entries({
    as_served: cpuNew,
    uncached: cpuCold,
    buckets: cpuBuckets,
    seven_queries: cpuOld,
  }))
    console.log(`# CPU per load, ${name}: Tern ${c.tern.toFixed(1)} ms, Prometheus ${c.prometheus.toFixed(1)} ms`);
  console.log(`# a first load's queries, each alone (median of 9): ${(await timeEach(promUrl, queries)).join("; ")}`);

  const vsOld = (v: number, ref: number) => ({ ratio: v / ref, vs: "seven_queries" });
  return [
    { name: "charts.deployment_24h.seven_queries.p50", value: old!.p50, unit: "ms" },
    { name: "charts.deployment_24h.seven_queries.p95", value: old!.p95, unit: "ms" },
    { name: "charts.deployment_24h.promql.p50", value: promql!.p50, unit: "ms" },
    { name: "charts.deployment_24h.promql.p95", value: promql!.p95, unit: "ms" },
    { name: "charts.deployment_24h.buckets.p50", value: buckets!.p50, unit: "ms", ...vsOld(buckets!.p50, old!.p50) },
    { name: "charts.deployment_24h.buckets.p95", value: buckets!.p95, unit: "ms", ...vsOld(buckets!.p95, old!.p95) },
    { name: "charts.deployment_24h.uncached.p50", value: cold!.p50, unit: "ms", ...vsOld(cold!.p50, old!.p50) },
    { name: "charts.deployment_24h.uncached.p95", value: cold!.p95, unit: "ms", ...vsOld(cold!.p95, old!.p95) },
    { name: "charts.deployment_24h.p50", value: now!.p50, unit: "ms", ...vsOld(now!.p50, old!.p50) },
    { name: "charts.deployment_24h.p95", value: now!.p95, unit: "ms", ...vsOld(now!.p95, old!.p95) },
    { name: "charts.deployment_24h.seven_queries.cpu", value: cpuOld.total, unit: "ms CPU" },
    {
      name: "charts.deployment_24h.buckets.cpu",
      value: cpuBuckets.total,
      unit: "ms CPU",
      ...vsOld(cpuBuckets.total, cpuOld.total),
    },
    {
      name: "charts.deployment_24h.uncached.cpu",
      value: cpuCold.total,
      unit: "ms CPU",
      ...vsOld(cpuCold.total, cpuOld.total),
    },
    { name: "charts.deployment_24h.cpu", value: cpuNew.total, unit: "ms CPU", ...vsOld(cpuNew.total, cpuOld.total) },
    { name: "charts.deployment_24h.queries", value: queries.length, unit: "queries" },
    { name: "charts.deployment_24h.buckets.queries", value: bucketQueries.length, unit: "queries" },
    { name: "charts.deployment_24h.seven_queries.queries", value: oldQueries.length, unit: "queries" },
    { name: "charts.deployment_24h.recorded_vs_buckets.median_rel_diff", value: recordedDiff.median, unit: "" },
    { name: "charts.deployment_24h.recorded_vs_buckets.p99_rel_diff", value: recordedDiff.p99, unit: "" },
    { name: "charts.points_per_series", value: pointsPerSeries, unit: "points" },
    { name: "charts.overview_24h.uncached.p50", value: ovCold!.p50, unit: "ms" },
    { name: "charts.overview_24h.uncached.p95", value: ovCold!.p95, unit: "ms" },
    { name: "charts.overview_24h.p50", value: ov!.p50, unit: "ms" },
    { name: "charts.overview_24h.p95", value: ov!.p95, unit: "ms" },
    { name: "charts.overview_24h.queries", value: overviewQueries.length, unit: "queries" },
    { name: "charts.load_rps", value: loadRps, unit: "req/s" },
    { name: "charts.load_average_1m", value: load1, unit: "" },
  ];
}

/** Prometheus' own CPU seconds so far (process_cpu_seconds_total from its /metrics). */
async function prometheusCpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith("process_cpu_seconds_total "));
  return line ? Number(line.slice(line.indexOf(" ") + 1)) : NaN;
}

/** CPU milliseconds per call over sequential calls: this process, Prometheus, and the two together. */
async function cpuPerCall(
  promUrl: string,
  fn: () => Promise<unknown>,
): Promise<{ tern: number; prometheus: number; total: number }> {
  const n = 20;
  const prom0 = await prometheusCpuSeconds(promUrl);
  const own0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const own = process.cpuUsage(own0);
  const prom = (await prometheusCpuSeconds(promUrl)) - prom0;
  const tern = (own.user + own.system) / 1000 / n;
  const prometheus = (prom * 1000) / n;
  return { tern, prometheus, total: tern + prometheus };
}

/** Each recorded query posted alone, its median wall time over 9 runs and the answer's size, for the log. */
async function timeEach(promUrl: string, bodies: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const body of bodies) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 9; i++) {
      const t0 = nowMs();
      bytes = ((await replay(promUrl, [body])) as string[])[0]!.length;
      times.push(nowMs() - t0);
    }
    const query = new URLSearchParams(body).get("query") ?? "";
    out.push(`${percentiles(times).p50.toFixed(1)} ms ${Math.round(bytes / 1024)} KiB ${query.slice(0, 60)}`);
  }
  return out;
}

/** The largest relative difference between two answers' latency series (NaN and gaps alike count as equal). */
function maxLatencyDifference(a: DeploymentChartsDto, b: DeploymentChartsDto): number {
  if (!a.latency.ok || !b.latency.ok) return Infinity;
  if (a.latency.series.length !== b.latency.series.length) return Infinity;
  let max = 0;
  a.latency.series.forEach((s, i) => {
    const t = b.latency.ok ? b.latency.series[i]! : undefined;
    if (!t || t.name !== s.name || t.points.length !== s.points.length) return (max = Infinity);
    s.points.forEach(([time, v], n) => {
      const [time2, w] = t.points[n]!;
      if (time !== time2 || (v === null) !== (w === null)) return (max = Infinity);
      if (v !== null && w !== null && v !== w)
        max = Math.max(max, Math.abs(v - w) / Math.max(Math.abs(v), Math.abs(w)));
    });
  });
  return max;
}

/** Relative differences between two answers' latency points where both have a value: median and p99. */
function latencyDifferences(a: DeploymentChartsDto, b: DeploymentChartsDto): { median: number; p99: number } {
  if (!a.latency.ok || !b.latency.ok) return { median: Infinity, p99: Infinity };
  const at = new Map<string, number | null>();
  for (const s of b.latency.series) for (const [t, v] of s.points) at.set(`${s.name}@${t}`, v);
  const diffs: number[] = [];
  for (const s of a.latency.series)
    for (const [t, v] of s.points) {
      const w = at.get(`${s.name}@${t}`);
      if (v !== null && w !== null && w !== undefined) diffs.push(Math.abs(v - w) / Math.max(Math.abs(w), 1e-12));
    }
  if (!diffs.length) return { median: Infinity, p99: Infinity };
  diffs.sort((x, y) => x - y);
  return { median: diffs[Math.floor(diffs.length / 2)]!, p99: diffs[Math.floor(diffs.length * 0.99)]! };
}
