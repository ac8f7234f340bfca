import { describe, expect, it } from "vitest";
import { ZChartSeries } from "./metrics";

describe("chart series schema", () => {
  it("takes [epoch ms, number or null] points, as given", () => {
    const points: [number, number | null][] = [
      [1_700_000_000_000, 1.5],
      [1_700_000_060_000, null],
    ];
    const parsed = ZChartSeries.parse({ name: "p95", points });
    expect(parsed.points).toEqual(points);
  });

  it.each([
    ["a string time", [["1700000000000", 1]]],
    ["a string value", [[1_700_000_000_000, "1"]]],
    ["a missing value", [[1_700_000_000_000]]],
    ["a third element", [[1_700_000_000_000, 1, 2]]],
    ["an object", [{ t: 1, v: 2 }]],
    ["not an array", "1,2"],
  ])("refuses %s with a message that says the shape", (_, points) => {
    const r = ZChartSeries.safeParse({ name: "p95", points });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("chart points must be [epoch ms, number or null] pairs");
  });
});
