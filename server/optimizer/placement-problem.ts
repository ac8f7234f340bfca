// The placement problem as plain data: deployments, clusters, the team's equivalence table and the plan's options.

export interface PlacementDeployment {
  id: string;
  name: string;
  /** The GPU type it runs on now; replicas on another type follow the equivalence table. */
  gpuType: string;
  gpusPerReplica: number;
  replicas: number;
  /** Clusters it runs on now (each with `replicas` of `gpuType`); empty when not placed yet. */
  currentClusterIds: string[];
  /** p95 latency objective in ms; null: any latency will do. */
  sloP95Ms: number | null;
  /** Residency tags the model's data may live in (any of them); empty: anywhere. */
  residency: string[];
  /** Artifact size, for the egress cost of a move. */
  artifactGb: number;
  /** Multi-cloud redundancy: this many copies, on different clusters in at least 2 clouds. */
  copies?: number;
}

export interface PlacementGpuPool {
  gpuType: string;
  /** GPUs free now (what Tern's deployments already hold there counts on top). */
  free: number;
  pricePerGpuHour: number;
  /** Expected p95 in ms from recent metrics; null when unknown. */
  p95Ms: number | null;
}

export interface PlacementCluster {
  id: string;
  name: string;
  cloud: string;
  residency: string[];
  /** Currency of this cluster's prices and egress. */
  currency: string;
  egressPerGb: number;
  gpus: PlacementGpuPool[];
}

export interface PlacementPin {
  deploymentId: string;
  /** Where it must run; omitted: it stays where it is. */
  clusterId?: string;
}

export interface PlacementOptions {
  /** The plan's one currency. */
  currency: string;
  /** Units of the plan currency per unit of another currency; a price in a currency without a rate is refused. */
  rates: Record<string, number>;
  /** Months the one-off cost of a move is spread over. */
  horizonMonths: number;
  /** Hours the old and new placements both run during a move. */
  overlapHours: number;
  hoursPerMonth: number;
  maxMoves: number | null;
  pins: PlacementPin[];
  excludedClusterIds: string[];
  /** Allow clusters whose p95 for the GPU type is unknown for deployments with an SLO. */
  allowUnknownLatency: boolean;
  /** Relative throughput per GPU type (A100 = 1.0). */
  equivalence: Record<string, number>;
}

export interface PlacementProblem {
  deployments: PlacementDeployment[];
  clusters: PlacementCluster[];
  options: PlacementOptions;
}

export const DEFAULT_PLACEMENT_OPTIONS: Omit<PlacementOptions, "currency" | "equivalence"> = {
  rates: {},
  horizonMonths: 6,
  overlapHours: 2,
  hoursPerMonth: 730,
  maxMoves: null,
  pins: [],
  excludedClusterIds: [],
  allowUnknownLatency: false,
};
