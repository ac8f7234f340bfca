// Prometheus' histogram_quantile for classic (`le`) buckets, in TypeScript, so one range query for a
// histogram's bucket rates gives p50, p95 and p99 without three queries over the same series. It follows
// promql/quantile.go of Prometheus 2.42 (the binary Tern runs locally) step for step, so answers are equal.
import type { Series } from "./prometheus-client";

export interface Bucket {
  upperBound: number;
  count: number;
}

/** Go's strconv.ParseFloat for `le` values: decimals, exponents and (any case) Inf/Infinity/NaN; else null (hex floats too). */
export function parseUpperBound(le: string | undefined): number | null {
  if (le === undefined) return null;
  const m = /^([+-]?)(inf|infinity)$/i.exec(le);
  if (m) return m[1] === "-" ? -Infinity : Infinity;
  if (/^nan$/i.test(le)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(le)) return null;
  const v = Number(le);
  return Number.isNaN(v) ? null : v;
}

/** Merges buckets with the same upper bound (Prometheus' coalesceBuckets); `sorted` must be sorted. */
function coalesce(sorted: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && last.upperBound === b.upperBound) last.count += b.count;
    else out.push({ ...b });
  }
  return out;
}

/** Removes decreases between successive buckets (Prometheus' ensureMonotonic): each count is at least the last. */
function ensureMonotonic(buckets: Bucket[]): void {
  let max = -Infinity;
  for (const b of buckets) {
    if (b.count > max) max = b.count;
    else b.count = max;
  }
}

/**
 * Buckets ready for quantiles: sorted by bound, merged where bounds are equal, decreases removed; null when no
 * quantile exists (no +Inf bucket, fewer than two buckets). Done once per timestamp for all quantiles.
 */
export function prepareBuckets(input: readonly Bucket[]): Bucket[] | null {
  if (input.length === 0) return null;
  const sorted = [...input].sort((a, b) => a.upperBound - b.upperBound);
  if (sorted[sorted.length - 1]!.upperBound !== Infinity) return null;
  const buckets = coalesce(sorted);
  ensureMonotonic(buckets);
  return buckets.length < 2 ? null : buckets;
}

/** bucketQuantile over buckets prepareBuckets returned (null: NaN, as Prometheus answers then). */
export function preparedQuantile(q: number, buckets: readonly Bucket[] | null): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (!buckets) return NaN;
  const observations = buckets[buckets.length - 1]!.count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  // sort.Search over all but the +Inf bucket: the first bucket whose count reaches the rank.
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buckets[mid]!.count >= rank) hi = mid;
    else lo = mid + 1;
  }
  const b = lo;
  if (b === buckets.length - 1) return buckets[buckets.length - 2]!.upperBound;
  if (b === 0 && buckets[0]!.upperBound <= 0) return buckets[0]!.upperBound;
  let bucketStart = 0;
  const bucketEnd = buckets[b]!.upperBound;
  let count = buckets[b]!.count;
  if (b > 0) {
    bucketStart = buckets[b - 1]!.upperBound;
    count -= buckets[b - 1]!.count;
    rank -= buckets[b - 1]!.count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

/**
 * The q-quantile of cumulative buckets, as Prometheus computes it: linear interpolation within the bucket
 * holding the rank; the lowest bucket starts at 0 when its upper bound is above 0 (else its bound is the
 * answer); a rank in the +Inf bucket gives the highest finite bound. NaN without a +Inf bucket, with fewer
 * than two buckets, or with no observations (a rate of 0: no traffic). q < 0 gives -Inf, q > 1 +Inf.
 */
export function bucketQuantile(q: number, input: readonly Bucket[]): number {
  return preparedQuantile(q, prepareBuckets(input));
}

/** A value in another unit, with the same float operation the PromQL templates use (`* f` or `/ round(1/f)`). */
export function scaleBy(v: number, factor: number): number {
  if (factor === 1) return v;
  return factor > 1 ? v * factor : v / Math.round(1 / factor);
}

export interface QuantileSeries {
  /** The series' labels without `le` (what histogram_quantile keeps, `__name__` dropped too). */
  labels: Record<string, string>;
  /** One list of [tMs, value] per asked quantile, in the order asked; NaN where Prometheus says NaN. */
  points: [number, number][][];
}

const groupKey = (labels: Record<string, string>) =>
  JSON.stringify(
    Object.keys(labels)
      .filter((k) => k !== "le" && k !== "__name__")
      .sort()
      .map((k) => [k, labels[k]]),
  );

/**
 * histogram_quantile(q, <bucket series>) for several q at once over a range (or instant) answer: series
 * grouped by their labels without `le`, buckets gathered per timestamp. Series without a parseable `le` are
 * skipped, as Prometheus does. `factor` converts each answer (e.g. 1000 for seconds to milliseconds).
 */
export function histogramQuantiles(
  series: readonly Series[],
  quantiles: readonly number[],
  factor = 1,
): QuantileSeries[] {
  const groups = new Map<string, { labels: Record<string, string>; at: Map<number, Bucket[]> }>();
  for (const s of series) {
    const upperBound = parseUpperBound(s.labels.le);
    if (upperBound === null) continue;
    const key = groupKey(s.labels);
    let g = groups.get(key);
    if (!g) {
      const labels = { ...s.labels };
      delete labels.le;
      delete labels.__name__;
      g = { labels, at: new Map() };
      groups.set(key, g);
    }
    for (const [t, count] of s.points) {
      const list = g.at.get(t);
      if (list) list.push({ upperBound, count });
      else g.at.set(t, [{ upperBound, count }]);
    }
  }
  const out: QuantileSeries[] = [];
  for (const g of groups.values()) {
    const times = [...g.at.keys()].sort((a, b) => a - b);
    const points = quantiles.map((): [number, number][] => []);
    for (const t of times) {
      const prepared = prepareBuckets(g.at.get(t)!);
      quantiles.forEach((q, i) => points[i]!.push([t, scaleBy(preparedQuantile(q, prepared), factor)]));
    }
    out.push({ labels: g.labels, points });
  }
  return out;
}
