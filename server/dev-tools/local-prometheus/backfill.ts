// Plausible history for a fresh local Prometheus, as an OpenMetrics file for
// `promtool tsdb create-blocks-from openmetrics`: seconds timestamps, families contiguous, `# EOF` at the
// end, nothing after "now". Series carry the live series' names and labels so charts run on continuously.
import { escapeHelp, formatLabels, formatValue, type Labels } from "../../metrics/exposition";

export type BackfillSeries =
  /** A gauge; with `dailyAmplitude` it follows the traffic pattern (value × (1 − a + a × load)). */
  | { type: "gauge"; name: string; labels: Labels; value: number; dailyAmplitude?: number; help?: string }
  /** A counter growing at `ratePerSecond` at peak load, scaled by the daily pattern. */
  | { type: "counter"; name: string; labels: Labels; ratePerSecond: number; help?: string }
  /** A latency histogram: log-normal around a median that rises with load. */
  | {
      type: "histogram";
      name: string;
      labels: Labels;
      ratePerSecond: number;
      medianSeconds: number;
      buckets: readonly number[];
      /** Log-normal σ; 0.35 gives p99 ≈ 2.3 × median. */
      spread?: number;
      /** How much slower the peak is than the trough (0.3 = 30 %). */
      loadSlowdown?: number;
      help?: string;
    };

export interface BackfillOptions {
  series: BackfillSeries[];
  hours: number;
  stepSeconds: number;
  now: Date | number;
  /** Period of the traffic pattern; a real day by default (the simulator may use a shorter one). */
  dayLengthSeconds?: number;
}

/** Load between 0.15 (night) and 1 (afternoon peak) at epoch second t. */
export function dailyLoad(tSeconds: number, dayLengthSeconds = 86_400): number {
  const phase = (tSeconds % dayLengthSeconds) / dayLengthSeconds; // 0 = midnight
  const wave = 0.5 - 0.5 * Math.cos(2 * Math.PI * (phase - 0.125)); // lowest at 03:00, highest at 15:00
  return 0.15 + 0.85 * wave;
}

/** Deterministic noise in [-1, 1] so the same inputs give the same file (tests, reproducible demos). */
function noise(seed: number, t: number): number {
  let x = Math.imul(seed ^ Math.floor(t), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return (((x ^ (x >>> 16)) >>> 0) / 0xffffffff) * 2 - 1;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const seedOf = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
const ts = (t: number) => String(t);
const round = (v: number) => Math.round(v * 1e6) / 1e6;

function familyHeader(s: BackfillSeries): string[] {
  const help = s.help
    ? [
        `# HELP ${s.type === "counter" && s.name.endsWith("_total") ? s.name.slice(0, -6) : s.name} ${escapeHelp(s.help)}`,
      ]
    : [];
  // OpenMetrics counters are named <family>_total; names without the suffix are declared "unknown" to stay valid.
  if (s.type === "counter")
    return s.name.endsWith("_total")
      ? [`# TYPE ${s.name.slice(0, -6)} counter`, ...help]
      : [`# TYPE ${s.name} unknown`, ...help];
  return [`# TYPE ${s.name} ${s.type}`, ...help];
}

function seriesLines(s: BackfillSeries, times: number[], step: number, day: number): string[] {
  const out: string[] = [];
  const seed = seedOf(s.name + formatLabels(s.labels));
  if (s.type === "gauge") {
    const a = s.dailyAmplitude ?? 0;
    for (const t of times)
      out.push(
        `${s.name}${formatLabels(s.labels)} ${formatValue(round(s.value * (1 - a + a * dailyLoad(t, day))))} ${ts(t)}`,
      );
    return out;
  }
  if (s.type === "counter") {
    let total = 0;
    for (const t of times) {
      total += s.ratePerSecond * dailyLoad(t, day) * (1 + 0.1 * noise(seed, t)) * step;
      out.push(`${s.name}${formatLabels(s.labels)} ${Math.round(total)} ${ts(t)}`);
    }
    return out;
  }
  const sigma = s.spread ?? 0.35;
  const cum = s.buckets.map(() => 0);
  let count = 0;
  let sum = 0;
  const lines = { bucket: [] as string[][], inf: [] as string[], sum: [] as string[], count: [] as string[] };
  s.buckets.forEach(() => lines.bucket.push([]));
  for (const t of times) {
    const load = dailyLoad(t, day);
    const n = s.ratePerSecond * load * (1 + 0.1 * noise(seed, t)) * step;
    const median = s.medianSeconds * (1 + (s.loadSlowdown ?? 0.3) * load) * (1 + 0.05 * noise(seed + 1, t));
    s.buckets.forEach((le, i) => (cum[i]! += n * normalCdf(Math.log(le / median) / sigma)));
    count += n;
    sum += n * median * Math.exp((sigma * sigma) / 2);
    // Rounding cumulative totals (not increments) keeps every bucket monotonic and ≤ the +Inf bucket.
    s.buckets.forEach((le, i) =>
      lines.bucket[i]!.push(
        `${s.name}_bucket${formatLabels({ ...s.labels, le: String(le) })} ${Math.min(Math.round(cum[i]!), Math.round(count))} ${ts(t)}`,
      ),
    );
    lines.inf.push(`${s.name}_bucket${formatLabels({ ...s.labels, le: "+Inf" })} ${Math.round(count)} ${ts(t)}`);
    lines.sum.push(`${s.name}_sum${formatLabels(s.labels)} ${round(sum)} ${ts(t)}`);
    lines.count.push(`${s.name}_count${formatLabels(s.labels)} ${Math.round(count)} ${ts(t)}`);
  }
  return [...lines.bucket.flat(), ...lines.inf, ...lines.sum, ...lines.count];
}

/** Renders the OpenMetrics text; throws on options that would make promtool fail or write the future. */
export function generateBackfill(opts: BackfillOptions): string {
  const nowSec = Math.floor((typeof opts.now === "number" ? opts.now : opts.now.getTime()) / 1000);
  const step = opts.stepSeconds;
  if (!Number.isInteger(step) || step < 1 || step > 3600)
    throw new Error("backfill step must be a whole number of seconds between 1 and 3600");
  if (!(opts.hours > 0 && opts.hours <= 24 * 31)) throw new Error("backfill hours must be between 0 and 744 (31 days)");
  // The last sample sits strictly before now, on the step grid, so live scrapes continue after it.
  const end = Math.floor((nowSec - 1) / step) * step;
  const start = end - Math.floor((opts.hours * 3600) / step) * step;
  const times: number[] = [];
  for (let t = start; t <= end; t += step) times.push(t);
  const day = opts.dayLengthSeconds ?? 86_400;

  const families = new Map<string, BackfillSeries[]>();
  for (const s of opts.series) {
    const list = families.get(s.name) ?? [];
    if (list[0] && list[0].type !== s.type)
      throw new Error(`backfill series ${s.name} is both a ${list[0].type} and a ${s.type}`);
    list.push(s);
    families.set(s.name, list);
  }
  const out: string[] = [];
  for (const list of families.values()) {
    out.push(...familyHeader(list[0]!));
    for (const s of list) out.push(...seriesLines(s, times, step, day));
  }
  out.push("# EOF");
  return out.join("\n") + "\n";
}
