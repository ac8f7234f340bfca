// Faults the fleet's admin API (or a test) flips at runtime: outage, slow API, dropped watches.
export type OutageMode = "refuse" | "unavailable";

export class ApiFaults {
  /** Added before every request is handled (a watch gets it before its first byte). */
  latencyMs = 0;
  private down = false;
  private mode: OutageMode = "refuse";
  private readonly outageListeners = new Set<() => void>();
  private readonly watchClosers = new Set<(how: "end" | "reset") => void>();

  /**
   * While true the API is out: in mode "refuse" the listener is closed (clients see ECONNREFUSED, open connections
   * are cut) and re-opened on the same port afterwards; in mode "unavailable" every request gets a 503 Status.
   */
  get outage(): boolean {
    return this.down;
  }
  set outage(v: boolean) {
    if (v === this.down) return;
    this.down = v;
    for (const l of this.outageListeners) l();
  }

  get outageMode(): OutageMode {
    return this.mode;
  }
  set outageMode(m: OutageMode) {
    this.mode = m;
    for (const l of this.outageListeners) l();
  }

  /** Closes every open watch stream: "end" finishes it cleanly, "reset" cuts the connection. Returns how many. */
  dropWatches(how: "end" | "reset" = "reset"): number {
    const closers = [...this.watchClosers];
    for (const c of closers) c(how);
    return closers.length;
  }

  get openWatches(): number {
    return this.watchClosers.size;
  }

  /** @internal used by the API server */
  onOutageChange(fn: () => void): () => void {
    this.outageListeners.add(fn);
    return () => this.outageListeners.delete(fn);
  }

  /** @internal used by watch streams */
  registerWatch(close: (how: "end" | "reset") => void): () => void {
    this.watchClosers.add(close);
    return () => this.watchClosers.delete(close);
  }
}
