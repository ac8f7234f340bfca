// The main thread's share of a solve runs in small steps: it breaks for the event loop once per time budget,
// and a quick computation pays no break at all.
import { describe, expect, it } from "vitest";
import { drainYielding } from "./allowed-placements";

function* busySteps(n: number, msEach: number): Generator<void, number> {
  for (let i = 0; i < n; i++) {
    const end = performance.now() + msEach;
    while (performance.now() < end) {
      // busy: a step that holds the thread
    }
    yield;
  }
  return n;
}

/** Counts turns of the event loop (setImmediate callbacks) while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work();
  on = false;
  return { value, turns };
}

describe("drainYielding", () => {
  it("lets the event loop run at least once per budget of work", async () => {
    const { value, turns } = await turnsDuring(() => drainYielding(busySteps(40, 1), 5));
    expect(value).toBe(40);
    // 40 ms of steps with a 5 ms budget: about 8 breaks (the machine may stretch steps, never merge breaks away).
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it("does not break between quick steps", async () => {
    const { value, turns } = await turnsDuring(() => drainYielding(busySteps(1000, 0), 1000));
    expect(value).toBe(1000);
    expect(turns).toBeLessThanOrEqual(1);
  });
});
