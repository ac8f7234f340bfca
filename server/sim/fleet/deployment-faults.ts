// Per-deployment faults of one cluster: crash loops (its model servers exit at start) and latency spikes
// (extra milliseconds on every request its pods answer). Set through the admin API or CLI flags.
const k = (namespace: string, deployment: string) => `${namespace}/${deployment}`;

export interface DeploymentFaultState {
  crashLoops: string[];
  latencySpikes: Record<string, number>;
}

export class DeploymentFaults {
  private readonly crashLoops = new Set<string>();
  private readonly spikes = new Map<string, number>();

  setCrashLoop(namespace: string, deployment: string, on: boolean): void {
    if (on) this.crashLoops.add(k(namespace, deployment));
    else this.crashLoops.delete(k(namespace, deployment));
  }

  /** 0 clears the spike. */
  setLatencySpike(namespace: string, deployment: string, ms: number): void {
    if (!(ms >= 0) || ms > 600_000) throw new RangeError(`latency spike must be between 0 and 600000 ms (got ${ms})`);
    if (ms === 0) this.spikes.delete(k(namespace, deployment));
    else this.spikes.set(k(namespace, deployment), ms);
  }

  isCrashLooping(namespace: string, deployment: string | undefined): boolean {
    return deployment !== undefined && this.crashLoops.has(k(namespace, deployment));
  }

  spikeMs(namespace: string, deployment: string | undefined): number {
    return deployment === undefined ? 0 : (this.spikes.get(k(namespace, deployment)) ?? 0);
  }

  state(): DeploymentFaultState {
    return { crashLoops: [...this.crashLoops].sort(), latencySpikes: Object.fromEntries(this.spikes) };
  }

  clear(): void {
    this.crashLoops.clear();
    this.spikes.clear();
  }
}
