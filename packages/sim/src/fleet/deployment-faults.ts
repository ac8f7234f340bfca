// Per-deployment faults of one cluster: crash loops (its model servers exit at start), latency spikes (extra
// milliseconds on every request its pods answer), an HTTP 5xx rate and wrong outputs. Set through the admin API or CLI.
const k = (namespace: string, deployment: string) => `${namespace}/${deployment}`;

export interface DeploymentFaultState {
  crashLoops: string[];
  latencySpikes: Record<string, number>;
  errorRates: Record<string, { ratio: number; code: number }>;
  wrongOutputs: Record<string, number>;
}

/** What a pod's model server does wrong on an infer request, read per request. */
export interface ServingFaults {
  /** Share of infer requests answered with errorCode instead of a prediction. */
  errorRate: number;
  errorCode: number;
  /** Added to every numeric output element (a model that answers, but wrongly). */
  outputDelta: number;
}

export class DeploymentFaults {
  private readonly crashLoops = new Set<string>();
  private readonly spikes = new Map<string, number>();
  private readonly errorRates = new Map<string, { ratio: number; code: number }>();
  private readonly deltas = new Map<string, number>();

  /** 0 clears it. */
  setErrorRate(namespace: string, deployment: string, ratio: number, code = 500): void {
    if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`error ratio must be between 0 and 1 (got ${ratio})`);
    if (ratio === 0) this.errorRates.delete(k(namespace, deployment));
    else this.errorRates.set(k(namespace, deployment), { ratio, code });
  }

  /** 0 clears it. */
  setWrongOutputs(namespace: string, deployment: string, delta: number): void {
    if (!Number.isFinite(delta)) throw new RangeError(`output delta must be a finite number (got ${delta})`);
    if (delta === 0) this.deltas.delete(k(namespace, deployment));
    else this.deltas.set(k(namespace, deployment), delta);
  }

  serving(namespace: string, deployment: string | undefined): ServingFaults {
    const e = deployment === undefined ? undefined : this.errorRates.get(k(namespace, deployment));
    const d = deployment === undefined ? undefined : this.deltas.get(k(namespace, deployment));
    return { errorRate: e?.ratio ?? 0, errorCode: e?.code ?? 500, outputDelta: d ?? 0 };
  }

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
    return {
      crashLoops: [...this.crashLoops].sort(),
      latencySpikes: Object.fromEntries(this.spikes),
      errorRates: Object.fromEntries(this.errorRates),
      wrongOutputs: Object.fromEntries(this.deltas),
    };
  }

  clear(): void {
    this.crashLoops.clear();
    this.spikes.clear();
    this.errorRates.clear();
    this.deltas.clear();
  }
}
