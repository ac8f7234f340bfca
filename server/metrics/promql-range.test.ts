import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { chooseStep, rateWindowFor, resolveRange } from "./promql-range";

const now = Date.UTC(2026, 10, 3, 12, 0, 0);
const H = 3_600_000;
const D = 24 * H;

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("step choice", () => {
  it.each([
    [H, 800, 5],
    [6 * H, 800, 30],
    [D, 1200, 120],
    [7 * D, 1500, 600],
    [30 * D, 1500, 1800],
  ])("range %d ms at %d px → step %d s", (range, width, step) => {
    expect(chooseStep(range / 1000, width)).toBe(step);
  });

  it("never gives more than 1,500 points, whatever the width", () => {
    for (const range of [60, 3600, 86_400, 7 * 86_400, 30 * 86_400]) {
      for (const width of [50, 300, 1500, 4000, 10_000]) {
        const r = resolveRange({ startMs: now - range * 1000, endMs: now, widthPx: width, nowMs: now });
        expect(r.points).toBeLessThanOrEqual(Math.min(1500, Math.max(width, 2)) + 1);
        expect(r.points).toBeLessThanOrEqual(1500);
      }
    }
  });

  it("aligns start and end to the step so refreshes reuse the same timestamps", () => {
    const r = resolveRange({ startMs: now - 6 * H + 1234, endMs: now - 777, widthPx: 800, nowMs: now });
    expect(r.startMs % (r.stepSeconds * 1000)).toBe(0);
    expect(r.endMs % (r.stepSeconds * 1000)).toBe(0);
  });

  it("widens the rate window with the step", () => {
    expect(rateWindowFor(5)).toBe("20s");
    expect(rateWindowFor(300)).toBe("5m");
    expect(rateWindowFor(3600)).toBe("1h");
  });
});

describe("absurd ranges and steps are refused", () => {
  it("refuses more than 30 days", () => {
    const e = refusal(() => resolveRange({ startMs: now - 31 * D, endMs: now, nowMs: now }));
    expect(e.message).toBe("range must be at most 30 days (got 31.0 days); pick a shorter period");
    expect(e.field).toBe("range");
  });
  it("refuses an end before the start, NaN times and the future", () => {
    expect(refusal(() => resolveRange({ startMs: now, endMs: now - H, nowMs: now })).message).toMatch(
      /after its start/,
    );
    expect(refusal(() => resolveRange({ startMs: NaN, endMs: now, nowMs: now })).message).toMatch(/valid times/);
    expect(refusal(() => resolveRange({ startMs: now, endMs: now + D, nowMs: now })).message).toMatch(/future/);
  });
  it("refuses steps that are too small, too many or longer than the range", () => {
    expect(refusal(() => resolveRange({ startMs: now - H, endMs: now, stepSeconds: 0, nowMs: now })).field).toBe(
      "step",
    );
    expect(refusal(() => resolveRange({ startMs: now - H, endMs: now, stepSeconds: 0.5, nowMs: now })).field).toBe(
      "step",
    );
    expect(
      refusal(() => resolveRange({ startMs: now - H, endMs: now, stepSeconds: 7200, nowMs: now })).message,
    ).toMatch(/longer than the range/);
    const e = refusal(() => resolveRange({ startMs: now - 30 * D, endMs: now, stepSeconds: 60, nowMs: now }));
    expect(e.message).toBe(
      "step 1m gives 43201 points over this range; Prometheus allows at most 11000; use a step of at least 236s",
    );
  });
  it("accepts an explicit step within Prometheus' limit", () => {
    expect(resolveRange({ startMs: now - D, endMs: now, stepSeconds: 15, nowMs: now }).points).toBe(5761);
  });
  it("refuses absurd widths", () => {
    expect(refusal(() => resolveRange({ startMs: now - H, endMs: now, widthPx: 1e9, nowMs: now })).field).toBe("width");
  });
});
