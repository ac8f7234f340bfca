// For chart tests: the newest value a panel draws.
import type { ChartPanel } from "../validation/metrics";

/** The last non-empty value of a panel's series (the first series unless named). */
export function lastPoint(p: ChartPanel, name?: string): number | null {
  if (!p.ok) throw new Error(`${p.error.kind}: ${p.error.message}`);
  const s = name ? p.series.find((x) => x.name === name) : p.series[0];
  return s?.points.findLast(([, v]) => v !== null)?.[1] ?? null;
}
