// Timing helpers: sequential calls after a warm-up, reported as percentiles in milliseconds.
export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export async function measure(fn: () => Promise<unknown>, n = 300, warmup = 30): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p95: at(0.95), n };
}
