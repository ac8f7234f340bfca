import { describe, expect, it } from "vitest";
import { cumulativeOf, lastValue, sumPoints, withGaps } from "./chart-series";
import { mapLimit } from "./run-query";

describe("chart series", () => {
  it("turns NaN and infinities into gaps and breaks the line where steps are missing", () => {
    expect(
      withGaps(
        [
          [0, 1],
          [5000, NaN],
          [10_000, Infinity],
          [25_000, 2],
        ],
        5,
      ),
    ).toEqual([
      [0, 1],
      [5000, null],
      [10_000, null],
      [15_000, null],
      [25_000, 2],
    ]);
  });

  it("sums by timestamp without turning 'no data' into zero", () => {
    expect(
      sumPoints([
        [
          [0, 1],
          [5, null],
          [10, 2],
        ],
        [
          [0, 3],
          [5, null],
          [15, 1],
        ],
      ]),
    ).toEqual([
      [0, 4],
      [5, null],
      [10, 2],
      [15, 1],
    ]);
  });

  it("accumulates an hourly rate step by step, starting at the first sample", () => {
    const step = 1800; // half an hour
    expect(
      cumulativeOf(
        [
          [0, null],
          [1, 2],
          [2, 4],
          [3, null],
          [4, 1],
        ],
        step,
      ),
    ).toEqual([
      [0, null],
      [1, 0],
      [2, 1],
      [3, 3],
      [4, 3],
    ]);
    expect(
      lastValue([
        [0, 1],
        [1, null],
      ]),
    ).toBe(1);
    expect(lastValue([])).toBeNull();
  });

  it("runs at most `limit` tasks at once and keeps the order", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
