// The exposition format round-trips through the strict parser, including histograms and escaping.
import { describe, expect, it } from "vitest";
import { findSamples, parsePrometheusText } from "./parse-prometheus";
import { MetricRegistry } from "./registry";

describe("MetricRegistry", () => {
  it("renders counters, gauges and cumulative histogram buckets", () => {
    const r = new MetricRegistry([0.1, 1]);
    r.inc("reqs", "Requests", { model: 'a"b\\c' }, 2);
    r.set("up", "Up", {}, 1);
    for (const v of [0.05, 0.5, 5]) r.observe("lat_seconds", "Latency", { model: "m" }, v);
    const parsed = parsePrometheusText(r.render());
    expect(parsed.types.get("lat_seconds")).toBe("histogram");
    expect(findSamples(parsed, "reqs")[0]).toEqual({ name: "reqs", labels: { model: 'a"b\\c' }, value: 2 });
    expect(findSamples(parsed, "lat_seconds_bucket").map((s) => [s.labels.le, s.value])).toEqual([
      ["0.1", 1],
      ["1", 2],
      ["+Inf", 3],
    ]);
    expect(findSamples(parsed, "lat_seconds_sum")[0]?.value).toBeCloseTo(5.55);
    expect(findSamples(parsed, "lat_seconds_count")[0]?.value).toBe(3);
  });

  it("refuses a name reused with another type, and the parser refuses malformed lines", () => {
    const r = new MetricRegistry();
    r.inc("x", "X", {});
    expect(() => r.set("x", "X", {}, 1)).toThrow(/x is a counter, not a gauge/);
    expect(() => parsePrometheusText('x{a="1" 2')).toThrow(/bad label set|unterminated/);
    expect(() => parsePrometheusText("x abc")).toThrow(/bad sample value/);
  });
});
