// What the status sync reports through its callbacks: per-deployment snapshots, events, health and GPU capacity.
import type { ObservedPhase } from "../../domain/values";
import type { ClusterDriver, Condition, DriverErrorData, GpuCapacity, NodeInfo } from "../driver";

/** The phases a cluster's state can show (server/domain/values.ts lists them all). */
export type DeploymentPhase = ObservedPhase;

export interface PodStatus {
  name: string;
  /** The pod's phase, or "Terminating" once it is being deleted. */
  phase: string;
  ready: boolean;
  restarts: number;
  reason?: string;
  node?: string;
}

export interface LastEvent {
  reason: string;
  message: string;
  type: string;
  /** ISO time. */
  at: string;
}

export interface DeploymentSnapshot {
  clusterId: string;
  namespace: string;
  name: string;
  /** The `tern.dev/deployment-id` label: which Deployment row this is. */
  deploymentId?: string;
  /** Desired replicas (spec). */
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
  phase: DeploymentPhase;
  conditions: Condition[];
  pods: PodStatus[];
  lastEvent?: LastEvent;
  /** The deployment's HorizontalPodAutoscaler, when it has one. */
  autoscaler?: AutoscalerSnapshot;
}

export interface AutoscalerSnapshot {
  currentReplicas: number;
  desiredReplicas: number;
  currentValue?: number;
  /** ISO time. */
  lastScaleTime?: string;
  conditions: Condition[];
}

export interface DeploymentRef {
  clusterId: string;
  namespace: string;
  name: string;
  deploymentId?: string;
}

export interface DeploymentEvent extends DeploymentRef, LastEvent {
  count: number;
  involvedObject: { kind: string; name: string };
}

export type SyncHealthStatus = "HEALTHY" | "DEGRADED" | "UNREACHABLE";

export interface SyncHealth {
  clusterId: string;
  /** DEGRADED: the cluster answers but refuses Tern (401/403); UNREACHABLE: it does not answer usefully. */
  health: SyncHealthStatus;
  message?: string;
  error?: DriverErrorData;
  at: Date;
}

export interface CapacityReport {
  clusterId: string;
  gpuCapacity: GpuCapacity;
  /** Without resourceVersion, so a node's heartbeat alone is not a change. */
  nodes: Omit<NodeInfo, "resourceVersion">[];
}

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** For tests: a deterministic source of jitter in [0, 1). */
  random?: () => number;
}

type Callback<T> = (value: T) => void | Promise<void>;

export interface ClusterSyncOptions {
  clusterId: string;
  /** Called for every (re)connection, so rotated credentials are picked up after an outage. */
  driverFactory: () => ClusterDriver | Promise<ClusterDriver>;
  onSnapshot: Callback<DeploymentSnapshot>;
  onEvent?: Callback<DeploymentEvent>;
  onHealth?: Callback<SyncHealth>;
  onCapacity?: Callback<CapacityReport>;
  /** The Deployment disappeared from the cluster (deleted by Tern or by someone else; the caller knows which). */
  onDeploymentGone?: Callback<DeploymentRef>;
  /** A callback threw or rejected; default: logged without its payload. */
  onCallbackError?: (error: unknown) => void;
  signal?: AbortSignal;
  backoff?: BackoffOptions;
  /** How long changes are collected before one snapshot per deployment is reported (default 100 ms). */
  coalesceMs?: number;
}

export interface ClusterSync {
  readonly clusterId: string;
  /** Stops watches and timers; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Resolves when the loop ends (stop() or the signal). */
  readonly done: Promise<void>;
}
