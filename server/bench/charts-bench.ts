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
// width that gets the 60 s step (1,440 px gets 120 s: at most 1,440 points, and 24 h at 60 s is 1,441). Its
// reference (.promql) is the same seven range queries, caught from one call, posted straight to Prometheus at once.
// Not included: Next.js routing and HTTP, and the browser's drawing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createContextInner } from "../api/context.ts";
import { createCaller } from "../api/root.ts";
import { generateBackfill } from "../metrics/backfill.ts";
import { defaultEnvironment, INSTALL_HINT, planPrometheus } from "../metrics/prometheus-binary.ts";
import { startPrometheus, type LocalPrometheus } from "../metrics/prometheus-process.ts";
import { forgetEmbedSeries } from "../services/embeds/render-embed-chart.ts";
import { forgetEmbedLink } from "../services/embeds/resolve-embed-link.ts";
import { serveEmbedSvg } from "../services/embeds/serve-embed-svg.ts";
import { unusedPort } from "../services/metrics/fake-prometheus.ts";
import { settingsFromEnv } from "../services/metrics/resolve-prometheus.ts";
import type { DeploymentChartsDto } from "../validation/metrics.ts";
import { EMBED_METRICS, type CreatedEmbedDto } from "../validation/embed.ts";
import type { BenchDb } from "./bench-db.ts";
import { nowMs, percentiles } from "./latency-stats.ts";
import type { Figure } from "./list-bench.ts";
import { measure, type Timing } from "./measure.ts";
import { seedCharts } from "./seed-charts.ts";

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

/** Like measure(), for two calls taking turns, so both see the same moments of a busy machine. */
async function alternate(
  fns: readonly [() => Promise<unknown>, () => Promise<unknown>],
  n: number,
  warmup: number,
): Promise<[Timing, Timing]> {
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < warmup + n; i++)
    for (const [k, fn] of fns.entries()) {
      const t0 = nowMs();
      await fn();
      if (i >= warmup) samples[k]!.push(nowMs() - t0);
    }
  return [percentiles(samples[0]!), percentiles(samples[1]!)];
}

/** The range queries one call sends to Prometheus, caught on their way out (the client uses the global fetch). */
async function recordRangeQueries(promUrl: string, call: () => Promise<unknown>): Promise<string[]> {
  const bodies: string[] = [];
  const real = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    // The client posts a URLSearchParams form.
    if (url.startsWith(`${promUrl}/api/v1/query_range`) && init?.body instanceof URLSearchParams)
      bodies.push(init.body.toString());
    return real(input, init);
  };
  try {
    await call();
  } finally {
    globalThis.fetch = real;
  }
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

export async function runChartsBench(db: BenchDb): Promise<ChartsFigure[] | null> {
  const plan = planPrometheus(defaultEnvironment());
  if (plan.action !== "use" || !plan.bins.promtool) {
    console.log(`# skipped: the charts bench needs the prometheus and promtool binaries; ${INSTALL_HINT}`);
    return null;
  }
  const bins = plan.bins;
  const seeded = await seedCharts(db.prisma);
  const dataDir = mkdtempSync(path.join(tmpdir(), "tern-bench-prom-"));
  let prom: LocalPrometheus | undefined;
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

    // --- the SVG endpoint -------------------------------------------------------------------------------------
    const links: CreatedEmbedDto[] = [];
    for (const metric of EMBED_METRICS)
      links.push(
        await (await caller()).embed.create({ deploymentId: seeded.deploymentId, metric, rangeMinutes: 1440 }),
      );
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
    const queriesBefore = await rangeQueriesServed(prom.url);
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
    const rpsQueries = (await rangeQueriesServed(prom.url)) - queriesBefore;

    // --- the deployment page's chart data ---------------------------------------------------------------------
    const input = { id: seeded.deploymentId, range: "24h" as const, widthPx: CHART_WIDTH_PX };
    const pointsPerSeries = checkDeploymentCharts(await (await caller()).metrics.deploymentCharts(input));
    const promUrl = prom.url;
    const queries = await recordRangeQueries(promUrl, async () => (await caller()).metrics.deploymentCharts(input));
    if (queries.length === 0) throw new Error("deployment charts: no range query to Prometheus was seen");
    // Interleaved, so a busy moment on the machine falls on both alike.
    const [charts, promql] = await alternate(
      [async () => (await caller()).metrics.deploymentCharts(input), () => replay(promUrl, queries)],
      CHART_RUNS,
      CHART_WARMUP,
    );

    const vsGrafana = { vs: "grafana" };
    return [
      { name: "embed.svg.p50", value: uncached.p50, unit: "ms", ratio: uncached.p50 / GRAFANA_RENDER_MS, ...vsGrafana },
      { name: "embed.svg.p95", value: uncached.p95, unit: "ms", ratio: uncached.p95 / GRAFANA_RENDER_MS, ...vsGrafana },
      { name: "embed.svg.grafana_anchor", value: GRAFANA_RENDER_MS, unit: "ms" },
      { name: "embed.svg.rps", value: rps, unit: "req/s" },
      { name: "embed.svg.rps_prometheus_queries", value: rpsQueries, unit: "queries" },
      { name: "charts.deployment_24h.promql.p50", value: promql.p50, unit: "ms" },
      { name: "charts.deployment_24h.promql.p95", value: promql.p95, unit: "ms" },
      {
        name: "charts.deployment_24h.p50",
        value: charts.p50,
        unit: "ms",
        ratio: charts.p50 / promql.p50,
        vs: "promql",
      },
      {
        name: "charts.deployment_24h.p95",
        value: charts.p95,
        unit: "ms",
        ratio: charts.p95 / promql.p95,
        vs: "promql",
      },
      { name: "charts.deployment_24h.queries", value: queries.length, unit: "queries" },
      { name: "charts.points_per_series", value: pointsPerSeries, unit: "points" },
    ];
  } finally {
    await prom?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
