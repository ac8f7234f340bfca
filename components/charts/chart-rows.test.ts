import { describe, expect, it } from "vitest";
import { countAbove, countPoints, lastTimestamp, latestValues, maxValue, timeTicks, toRows } from "./chart-rows";

const p95 = {
  name: "p95",
  points: [
    [0, 100],
    [5, null],
    [10, 300],
  ] as [number, number | null][],
};
const p50 = {
  name: "p50",
  points: [
    [0, 50],
    [10, 60],
    [15, null],
  ] as [number, number | null][],
};

describe("chart rows", () => {
  it("puts every series on one row per timestamp, keeping gaps", () => {
    expect(toRows([p50, p95])).toEqual([
      { t: 0, s0: 50, s1: 100 },
      { t: 5, s1: null },
      { t: 10, s0: 60, s1: 300 },
      { t: 15, s0: null },
    ]);
  });

  it("counts drawn points, the latest sample and values above an SLO", () => {
    expect(countPoints([p50, p95])).toBe(4);
    expect(countPoints([])).toBe(0);
    expect(lastTimestamp([p50, p95])).toBe(10);
    expect(lastTimestamp([{ name: "x", points: [[1, null]] }])).toBeNull();
    expect(latestValues([p50, p95]).map((l) => [l.series.name, l.value])).toEqual([
      ["p50", 60],
      ["p95", 300],
    ]);
    expect(countAbove(p95, 200)).toEqual({ above: 1, total: 2 });
    expect(countAbove(undefined, 200)).toEqual({ above: 0, total: 0 });
  });

  it("puts time ticks on round UTC times and finds the top of the data", () => {
    const start = Date.UTC(2026, 10, 3, 9, 7, 30);
    expect(timeTicks(start, start + 3_600_000, "1h").map((t) => new Date(t).toISOString().slice(11, 16))).toEqual([
      "09:10",
      "09:20",
      "09:30",
      "09:40",
      "09:50",
      "10:00",
    ]);
    expect(timeTicks(start, start + 7 * 86_400_000, "7d")).toHaveLength(7);
    expect(maxValue([p50, p95])).toBe(300);
    expect(maxValue([{ name: "x", points: [[0, null]] }])).toBeNull();
  });
});
