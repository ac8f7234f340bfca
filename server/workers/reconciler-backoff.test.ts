// Unit tests for the reconciler's retry schedule: growth, cap, reset after success and on a new generation.
import { describe, expect, it } from "vitest";
import { createRetrySchedule, RETRY_INITIAL_MS, RETRY_MAX_MS } from "./reconciler-backoff";

describe("the reconciler's retry schedule", () => {
  it("doubles the delay from 2 s after each failure of the same generation and stops at 60 s", () => {
    const s = createRetrySchedule();
    const delays = Array.from({ length: 8 }, (_, i) => s.failed("d1", 1, i * 1000));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect([RETRY_INITIAL_MS, RETRY_MAX_MS]).toEqual([2_000, 60_000]);
  });

  it("holds a failed change back until its delay has passed, and no longer", () => {
    const s = createRetrySchedule({ initialMs: 100, maxMs: 1000 });
    expect(s.due("d1", 1, 0)).toBe(true);
    expect(s.failed("d1", 1, 1_000)).toBe(100);
    expect(s.due("d1", 1, 1_099)).toBe(false);
    expect(s.due("d1", 1, 1_100)).toBe(true);
    expect(s.failed("d1", 1, 1_100)).toBe(200);
    expect(s.due("d1", 1, 1_299)).toBe(false);
    expect(s.due("d1", 1, 1_300)).toBe(true);
  });

  it("starts over after a success", () => {
    const s = createRetrySchedule({ initialMs: 100, maxMs: 1000 });
    s.failed("d1", 1, 0);
    s.failed("d1", 1, 100);
    s.succeeded("d1");
    expect(s.due("d1", 1, 101)).toBe(true);
    expect(s.failed("d1", 1, 101)).toBe(100);
  });

  it("tries a newer generation at once and from the initial delay", () => {
    const s = createRetrySchedule({ initialMs: 100, maxMs: 1000 });
    s.failed("d1", 1, 0);
    s.failed("d1", 1, 100);
    expect(s.due("d1", 1, 150)).toBe(false);
    expect(s.due("d1", 2, 150)).toBe(true);
    expect(s.failed("d1", 2, 150)).toBe(100);
  });

  it("keeps each deployment's schedule apart", () => {
    const s = createRetrySchedule({ initialMs: 100, maxMs: 1000 });
    s.failed("d1", 1, 0);
    s.failed("d1", 1, 0);
    expect(s.due("d2", 1, 0)).toBe(true);
    expect(s.failed("d2", 1, 0)).toBe(100);
  });
});
