// Chart requests and answers: the browser names a range and an object id, never PromQL. Every panel is
// either series or an error as data, so a Prometheus that is down shows as down, never as zero.
import { z } from "zod";
import { zId } from "./common";

export const CHART_RANGES = ["15m", "1h", "6h", "24h", "7d"] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export const DEFAULT_CHART_RANGE: ChartRange = "1h";
export const RANGE_SECONDS: Record<ChartRange, number> = {
  "15m": 15 * 60,
  "1h": 3600,
  "6h": 6 * 3600,
  "24h": 86_400,
  "7d": 7 * 86_400,
};

export const zChartRange = z.enum(CHART_RANGES, { error: `range must be one of ${CHART_RANGES.join(", ")}` });
export const isChartRange = (v: unknown): v is ChartRange => zChartRange.safeParse(v).success;

/** Plot width in pixels: no more points than pixels are fetched (at most 1,500 either way). */
const zWidthPx = z.number().int().min(50, "chart width must be at least 50 pixels").max(10_000).optional();

export const ZDeploymentChartsRequest = z.object({ id: zId, range: zChartRange, widthPx: zWidthPx });
export const ZClusterChartsRequest = z.object({ id: zId, range: zChartRange, widthPx: zWidthPx });
export const ZOverviewChartsRequest = z.object({ range: zChartRange, widthPx: zWidthPx });

/** [epoch ms, value]; null is a gap (no sample, or NaN such as an error ratio without traffic). */
export const ZChartPoint = z.tuple([z.number(), z.number().nullable()]);
export type ChartPoint = z.infer<typeof ZChartPoint>;

const isChartPoint = (p: unknown): boolean =>
  Array.isArray(p) && p.length === 2 && typeof p[0] === "number" && (p[1] === null || typeof p[1] === "number");

/**
 * The same check as `z.array(ZChartPoint)` as one loop: a 24 h chart carries ~10,000 points, and zod's
 * element-by-element parse (with a copy of every tuple) cost ~9 ms per answer of a 2-core machine's CPU.
 */
const zChartPoints = z.custom<ChartPoint[]>(
  (v) => Array.isArray(v) && v.every(isChartPoint),
  "chart points must be [epoch ms, number or null] pairs",
);

export const ZChartSeries = z.object({
  name: z.string(),
  points: zChartPoints,
  /** Money series carry their currency; sums never mix currencies. */
  currency: z.string().optional(),
  /** A second key where one chart shows two kinds per name, e.g. GPUs "allocated" and "allocatable". */
  group: z.string().optional(),
});
export type ChartSeries = z.infer<typeof ZChartSeries>;

export const CHART_ERROR_KINDS = [
  "unreachable",
  "timeout",
  "bad_query",
  "server_error",
  "not_configured",
  "no_price",
] as const;
export type ChartErrorKind = (typeof CHART_ERROR_KINDS)[number];

export const ZChartError = z.object({
  kind: z.enum(CHART_ERROR_KINDS),
  message: z.string(),
  /** The cluster whose Prometheus failed, when one cluster's did (others may have answered). */
  cluster: z.string().optional(),
});
export type ChartError = z.infer<typeof ZChartError>;

/** `ok: true` with no points means "no data yet" (nothing scraped), which is not an error. */
export const ZChartPanel = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), series: z.array(ZChartSeries) }),
  z.object({ ok: z.literal(false), error: ZChartError }),
]);
export type ChartPanel = z.infer<typeof ZChartPanel>;

export const ZChartWindow = z.object({ startMs: z.number(), endMs: z.number(), stepSeconds: z.number() });
export type ChartWindow = z.infer<typeof ZChartWindow>;

const ZMoney = z.object({ currency: z.string(), value: z.number() });
export type Money = z.infer<typeof ZMoney>;

export const ZDeploymentCharts = z.object({
  window: ZChartWindow,
  sloMs: z.number(),
  /** Series p50, p95, p99 in milliseconds. */
  latency: ZChartPanel,
  /** Series "requests" (requests per second, failed ones included). */
  requests: ZChartPanel,
  /** Series "errors": failed / all requests, 0..1. */
  errorRatio: ZChartPanel,
  /** Series "ready". */
  readyReplicas: ZChartPanel,
  /** Series "cost" per currency, in currency per hour. */
  costPerHour: ZChartPanel,
  /** Series "total": cost accumulated since the start of the range. */
  cumulativeCost: ZChartPanel,
  formula: z.object({
    /** The formula in English words with today's numbers (server/metrics/cost.ts). */
    text: z.string(),
    provider: z.string(),
    region: z.string(),
    gpuType: z.string(),
    gpusPerReplica: z.number(),
    pricePerHour: z.number().nullable(),
    currency: z.string().nullable(),
    readyReplicas: z.number().nullable(),
  }),
});
export type DeploymentChartsDto = z.infer<typeof ZDeploymentCharts>;

export const ZClusterCharts = z.object({
  window: ZChartWindow,
  /** One series per GPU type and group ("allocated" | "allocatable"). */
  gpus: ZChartPanel,
  costPerHour: ZChartPanel,
});
export type ClusterChartsDto = z.infer<typeof ZClusterCharts>;

export const ZSloBreach = z.object({
  deploymentId: z.string(),
  name: z.string(),
  namespace: z.string(),
  cluster: z.string(),
  model: z.string(),
  p95Ms: z.number(),
  sloMs: z.number(),
});
export type SloBreach = z.infer<typeof ZSloBreach>;

export const ZOverviewCharts = z.object({
  window: ZChartWindow,
  /** Series per provider (cloud kind) and currency. */
  costByCloud: ZChartPanel,
  /** Series per model name and currency. */
  costByModel: ZChartPanel,
  current: z.object({
    byCloud: z.array(z.object({ name: z.string(), currency: z.string(), value: z.number() })),
    byModel: z.array(z.object({ name: z.string(), currency: z.string(), value: z.number() })),
  }),
  slo: z.discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      /** Worst first: p95 / SLO descending; at most 5. */
      breaches: z.array(ZSloBreach),
      /** Deployments with a current p95 (the others have no traffic or no data yet). */
      checked: z.number(),
      deployments: z.number(),
    }),
    z.object({ ok: z.literal(false), error: ZChartError }),
  ]),
  totals: z.object({
    costPerHour: z.array(ZMoney),
    costOverRange: z.array(ZMoney),
    /** null when no deployment reported any traffic (or Prometheus did not answer). */
    requestsPerSecond: z.number().nullable(),
  }),
  /** Clusters (or the shared Prometheus) that did not answer; the rest of the page is partial. */
  errors: z.array(ZChartError),
});
export type OverviewChartsDto = z.infer<typeof ZOverviewCharts>;
