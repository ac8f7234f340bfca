// histogram_quantile's edge cases, each as Prometheus' promql/quantile.go answers it (the comparison with a
// real Prometheus on the same data is in services/metrics/charts-prometheus.integration.test.ts).
import { describe, expect, it } from "vitest";
import { bucketQuantile, histogramQuantiles, parseUpperBound, scaleBy, type Bucket } from "./histogram-quantile";
import type { Series } from "./prometheus-client";

const b = (...pairs: [number, number][]): Bucket[] => pairs.map(([upperBound, count]) => ({ upperBound, count }));

describe("bucketQuantile", () => {
  const h = b([0.1, 40], [0.25, 90], [0.5, 98], [1, 100], [Infinity, 100]);

  it("interpolates linearly within the bucket holding the rank", () => {
    // rank 50 in (0.1, 0.25]: 10 of its 50
    expect(bucketQuantile(0.5, h)).toBeCloseTo(0.1 + 0.15 * (10 / 50), 15);
    // rank 95 in (0.25, 0.5]: 5 of its 8
    expect(bucketQuantile(0.95, h)).toBe(0.25 + 0.25 * (5 / 8));
  });

  it("starts the lowest bucket at 0 when its bound is above 0", () => {
    expect(bucketQuantile(0.2, h)).toBe(0 + 0.1 * (20 / 40));
  });

  it("answers the lowest bucket's bound when it is 0 or below", () => {
    expect(bucketQuantile(0.1, b([-1, 10], [0, 20], [Infinity, 20]))).toBe(-1);
    expect(bucketQuantile(0.1, b([0, 10], [1, 20], [Infinity, 20]))).toBe(0);
  });

  it("answers the highest finite bound when the rank falls in the +Inf bucket", () => {
    expect(bucketQuantile(0.99, b([0.1, 10], [0.5, 50], [Infinity, 100]))).toBe(0.5);
    expect(bucketQuantile(1, b([0.1, 10], [0.5, 99], [Infinity, 100]))).toBe(0.5);
  });

  it("is NaN without a +Inf bucket, with one bucket only, or with no observations (no traffic)", () => {
    expect(bucketQuantile(0.5, b([0.1, 1], [1, 2]))).toBeNaN();
    expect(bucketQuantile(0.5, b([Infinity, 5]))).toBeNaN();
    expect(bucketQuantile(0.5, b([0.1, 0], [1, 0], [Infinity, 0]))).toBeNaN();
    expect(bucketQuantile(0.5, [])).toBeNaN();
  });

  it("answers -Inf below 0, +Inf above 1 and NaN for NaN", () => {
    expect(bucketQuantile(-0.1, h)).toBe(-Infinity);
    expect(bucketQuantile(1.1, h)).toBe(Infinity);
    expect(bucketQuantile(NaN, h)).toBeNaN();
  });

  it("sorts buckets by bound and merges buckets of the same bound", () => {
    const shuffled = b([Infinity, 100], [0.5, 98], [0.1, 40], [1, 100], [0.25, 90]);
    expect(bucketQuantile(0.95, shuffled)).toBe(bucketQuantile(0.95, h));
    // Two series for le=0.1 (e.g. "0.1" and "0.10") are summed: 30 + 10.
    const split = b([0.1, 30], [0.1, 10], [0.25, 90], [0.5, 98], [1, 100], [Infinity, 100]);
    expect(bucketQuantile(0.5, split)).toBe(bucketQuantile(0.5, h));
  });

  it("removes decreases between buckets (counts read at slightly different moments)", () => {
    // le=0.5 dipped below le=0.25: it counts as 90, so rank 95 lands in (0.5, 1]: 5 of its 10.
    const dipped = b([0.1, 40], [0.25, 90], [0.5, 85], [1, 100], [Infinity, 100]);
    expect(bucketQuantile(0.95, dipped)).toBe(0.5 + 0.5 * (5 / 10));
    // A dip in the +Inf bucket: observations are the envelope's maximum, 100.
    expect(bucketQuantile(0.5, b([0.1, 40], [1, 100], [Infinity, 99]))).toBe(0.1 + 0.9 * (10 / 60));
  });

  it("does not change its input", () => {
    const input = b([0.5, 85], [0.25, 90], [Infinity, 100]);
    const copy = structuredClone(input);
    bucketQuantile(0.5, input);
    expect(input).toEqual(copy);
  });
});

describe("parseUpperBound", () => {
  it("reads `le` as Go's ParseFloat does", () => {
    expect(parseUpperBound("0.25")).toBe(0.25);
    expect(parseUpperBound("1e-3")).toBe(0.001);
    expect(parseUpperBound("+Inf")).toBe(Infinity);
    expect(parseUpperBound("inf")).toBe(Infinity);
    expect(parseUpperBound("-Inf")).toBe(-Infinity);
    expect(parseUpperBound("10")).toBe(10);
    expect(parseUpperBound(".5")).toBe(0.5);
  });

  it("refuses what is no number, as Prometheus skips such series", () => {
    for (const v of [undefined, "", "abc", "1,5", " 1", "0x10"]) expect(parseUpperBound(v)).toBeNull();
  });
});

describe("histogramQuantiles", () => {
  const at = (t: number, v: number): [number, number] => [t, v];

  it("gives one series per group of labels without le, each quantile in the order asked, in ms", () => {
    const series: Series[] = [
      { labels: { le: "0.1", deployment: "a" }, points: [at(0, 5), at(60_000, 0)] },
      { labels: { le: "+Inf", deployment: "a" }, points: [at(0, 10), at(60_000, 0)] },
      { labels: { le: "0.1", deployment: "b" }, points: [at(0, 1)] },
      { labels: { le: "+Inf", deployment: "b" }, points: [at(0, 4)] },
      // No le: skipped.
      { labels: { deployment: "a" }, points: [at(0, 1000)] },
    ];
    const out = histogramQuantiles(series, [0.5, 0.99], 1000);
    expect(out.map((g) => g.labels)).toEqual([{ deployment: "a" }, { deployment: "b" }]);
    const a = out[0]!.points;
    expect(a[0]![0]).toEqual([0, 0.1 * 1000]);
    // 60 s: no traffic in the window, so NaN (a gap on the chart), not 0.
    expect(a[0]![1]![1]).toBeNaN();
    // The 99th percentile lies in the +Inf bucket: the highest finite bound.
    expect(a[1]![0]).toEqual([0, 100]);
    expect(out[1]!.points[0]).toEqual([[0, 0.1 * 1000]]);
  });

  it("has no group when there is no series", () => {
    expect(histogramQuantiles([], [0.5])).toEqual([]);
  });

  it("scales as the templates do (× for > 1, ÷ for < 1)", () => {
    expect(scaleBy(0.35, 1000)).toBe(0.35 * 1000);
    expect(scaleBy(3500, 0.001)).toBe(3500 / 1000);
    expect(scaleBy(7, 1)).toBe(7);
  });
});
