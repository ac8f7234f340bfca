// What the migration executor needs from the outside world, as plain interfaces: the product wires the
// real implementations (S3 transfer, traffic router, inference through the cluster, Prometheus), tests
// wire fakes. Nothing here knows Prisma, the Kubernetes client or the simulator.
export interface DeploymentRef {
  clusterId: string;
  clusterName: string;
  namespace: string;
  name: string;
}

export interface CopyResult {
  bytes: number;
  sha256: string;
  /** The target already held the object with the expected digest: nothing was copied. */
  skipped: boolean;
}

export interface GoldenCaseResult {
  index: number;
  ok: boolean;
  maxAbsDiff: number;
  /** Why it failed, in words (first mismatches), or null. */
  message: string | null;
  expected?: unknown;
  source?: unknown;
  target?: unknown;
}

export interface VerifyResult {
  golden: GoldenCaseResult[];
  shadow: GoldenCaseResult[];
  /** Client-side latency of the target's answers through the cluster, for the evidence. */
  targetLatencyMs: number[];
}

export interface Analysis {
  /** Requests the target served in the window; null when Prometheus had no data. */
  requests: number | null;
  errorRatio: number | null;
  p95Ms: number | null;
}

export interface TrafficBackend extends DeploymentRef {
  weight: number;
}

export interface MigrationPorts {
  copyArtifact(args: {
    teamId: string;
    fromUri: string;
    toUri: string;
    sha256: string;
    sizeBytes: number;
    signal: AbortSignal;
  }): Promise<CopyResult>;
  verify(args: {
    teamId: string;
    modelName: string;
    source: DeploymentRef;
    target: DeploymentRef;
    goldenSet: unknown;
    tolerance: { abs: number; rel: number };
    shadowSamples: number;
  }): Promise<VerifyResult>;
  /** Sends `requests` golden inputs to the target only (so its latency reaches Prometheus before traffic moves). */
  probe(args: {
    teamId: string;
    modelName: string;
    target: DeploymentRef;
    goldenSet: unknown;
    requests: number;
  }): Promise<{ answered: number }>;
  /**
   * Sets the weights of `backends`. With `owned` (the migration's source and target), only those deployments'
   * weights change: the model's other backends (its deployments elsewhere, other migrations) keep theirs.
   */
  setTraffic(args: {
    teamId: string;
    modelName: string;
    backends: TrafficBackend[];
    owned?: DeploymentRef[];
  }): Promise<void>;
  analyse(args: { teamId: string; deploymentId: string; windowSeconds: number }): Promise<Analysis>;
}
