// Relative throughput of GPU types (A100 = 1.0) and the replicas a deployment needs on another type.
/** Defaults from public inference benchmarks of mid-size models; a team's own table overrides them. */
export const DEFAULT_GPU_THROUGHPUT: Readonly<Record<string, number>> = {
  H200: 2.4,
  H100: 2.0,
  H800: 1.9,
  "Ascend-910B": 0.9,
  A100: 1.0,
  A800: 1.0,
  L40S: 0.9,
  A10G: 0.45,
  A10: 0.4,
  L4: 0.35,
  T4: 0.2,
};

export function throughputOf(gpuType: string, table: Readonly<Record<string, number>>): number | null {
  return table[gpuType] ?? DEFAULT_GPU_THROUGHPUT[gpuType] ?? null;
}

/** Replicas on the target for the source's throughput; the same count when either type is unknown. */
export function equivalentReplicas(opts: {
  replicas: number;
  sourceThroughput: number | null;
  targetThroughput: number | null;
}): number {
  const { replicas, sourceThroughput: s, targetThroughput: t } = opts;
  if (replicas === 0 || s === null || t === null) return replicas;
  // A small epsilon so 2 × 0.45 / 0.45 stays 2 despite floating point.
  return Math.max(1, Math.ceil((replicas * s) / t - 1e-9));
}
