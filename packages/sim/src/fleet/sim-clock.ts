// Simulated durations: every controller timer goes through here, scaled by the fleet's timeScale and
// cancelled together on shutdown so a stopped fleet leaves no timers behind.
export class SimClock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** `timeScale` multiplies simulated durations: 1 is realistic, 0.05 runs 20× faster (tests). */
  constructor(readonly timeScale: number) {}

  /** Wall milliseconds for a simulated duration. */
  wall(simMs: number): number {
    return Math.max(0, Math.round(simMs * this.timeScale));
  }

  /** Runs `fn` after a simulated delay; returns a cancel function. */
  after(simMs: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, this.wall(simMs));
    this.timers.add(t);
    return () => {
      clearTimeout(t);
      this.timers.delete(t);
    };
  }

  /** Runs `fn` every simulated `simMs` (never faster than every 20 ms of wall time). */
  every(simMs: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const t = setInterval(fn, Math.max(20, this.wall(simMs)));
    t.unref();
    this.timers.add(t);
    return () => {
      clearInterval(t);
      this.timers.delete(t);
    };
  }

  sleep(simMs: number): Promise<void> {
    return new Promise((resolve) => this.after(simMs, resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** Go's time.Duration.String() for whole and fractional seconds, as kubelet messages print them ("1.5s", "5m0s"). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const totalS = ms / 1000;
  const m = Math.floor(totalS / 60);
  const s = totalS - m * 60;
  const sStr = Number.isInteger(s) ? String(s) : s.toFixed(3).replace(/0+$/, "");
  return m > 0 ? `${m}m${sStr}s` : `${sStr}s`;
}
