// Percentiles of latency samples collected outside measure() (e.g. one per observed change), in milliseconds.
import type { Timing } from "./measure.ts";

export function percentiles(samples: number[]): Timing {
  if (samples.length === 0) throw new Error("no samples to summarise");
  const ms = [...samples].sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p95: at(0.95), n: ms.length };
}

/** Milliseconds since the epoch, monotonic within a process and comparable across processes on one machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
