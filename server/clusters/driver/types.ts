// Plain-data shapes the cluster driver returns; nothing outside server/clusters/driver sees Kubernetes client types.
import type { ClusterCredentials } from "../credential-checks";
import type { DriverErrorData } from "./driver-error";

export interface ConnectOptions {
  /** Normalised API URL (origin plus optional path prefix), as stored on the Cluster row. */
  apiServer: string;
  credentials: ClusterCredentials & { insecureSkipTlsVerify?: boolean };
  /** Per-request timeout; watches use the client's own 30 s inactivity timeout instead. */
  timeoutMs?: number;
}

export interface ModelDeploymentSpec {
  namespace: string;
  name: string;
  /** Tern's Deployment row id; becomes the `tern.dev/deployment-id` label the sync reports back. */
  deploymentId: string;
  modelName: string;
  modelVersion: string;
  versionId: string;
  image: string;
  artifactUri: string;
  sha256: string;
  replicas: number;
  gpusPerReplica: number;
  gpuType: string;
  latencySloMs: number;
  /** The HorizontalPodAutoscaler applied beside the Deployment; none when absent. */
  autoscale?: AutoscaleSpec;
  /** Extra labels for the Deployment, its pods and the Service; Tern's own keys win over these. */
  labels?: Record<string, string>;
}

/** What the HPA scales on, per replica: requests per second, requests in flight, or GPU busy percent. */
export type AutoscaleMetricKind = "RPS" | "CONCURRENCY" | "GPU_UTILIZATION";

export interface AutoscaleSpec {
  minReplicas: number;
  maxReplicas: number;
  metric: AutoscaleMetricKind;
  /** Target average per replica (requests/s, requests in flight, or percent). */
  target: number;
}

/** A HorizontalPodAutoscaler as the cluster reports it. */
export interface AutoscalerInfo {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  deploymentId?: string;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
  /** The metric's current average per replica, when the HPA could read it. */
  currentValue?: number;
  /** ISO time of the last rescale. */
  lastScaleTime?: string;
  conditions: Condition[];
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface DeploymentInfo {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  labels: Record<string, string>;
  /** `tern.dev/deployment-id` label, when the Deployment was made by Tern. */
  deploymentId?: string;
  generation: number;
  observedGeneration: number;
  /** spec.replicas (desired). */
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
  /** status.replicas: pods that exist, old and new. */
  currentReplicas: number;
  selector: Record<string, string>;
  conditions: Condition[];
  deleting: boolean;
}

export interface PodInfo {
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  labels: Record<string, string>;
  phase: string;
  ready: boolean;
  restarts: number;
  /** The most telling reason: a container's waiting/terminated reason, Unschedulable, or the pod's own. */
  reason?: string;
  message?: string;
  node?: string;
  unschedulable: boolean;
  /** `nvidia.com/gpu` requested by all containers (limits when requests are absent). */
  gpus: number;
  deleting: boolean;
  /** The pod's container names, in spec order (for choosing whose logs to read). */
  containers?: string[];
}

export interface EventInfo {
  namespace: string;
  uid: string;
  resourceVersion: string;
  reason: string;
  message: string;
  type: string;
  count: number;
  /** ISO time of the latest occurrence. */
  at: string;
  involvedObject: { kind: string; name: string };
}

export interface NodeInfo {
  name: string;
  resourceVersion: string;
  ready: boolean;
  unschedulable: boolean;
  /** `nvidia.com/gpu.product` label. */
  gpuType?: string;
  gpuCapacity: number;
  gpuAllocatable: number;
  region?: string;
  zone?: string;
}

export type GpuCapacity = Record<string, { allocatable: number; allocated: number }>;

export type ConnectionErrorKind = "unreachable" | "unauthorized" | "forbidden" | "timeout" | "tls" | "unknown";

export type TestConnectionResult =
  | { ok: true; version: string; canCreateDeployments: boolean; gpuCapacity: GpuCapacity; nodes: NodeInfo[] }
  | { ok: false; error: { kind: ConnectionErrorKind; message: string } };

export interface AppliedDeployment {
  namespace: string;
  name: string;
  uid: string;
  generation: number;
  serviceName: string;
  /** True when Tern created the namespace during this call. */
  createdNamespace: boolean;
}

export type Propagation = "Foreground" | "Background";

export interface DeleteResult {
  deployment: "deleted" | "absent";
  autoscaler?: "deleted" | "absent";
  service: "deleted" | "absent";
}

/** What the sync lists and watches; each kind maps to one plain-data item type. */
export interface WatchItems {
  deployments: DeploymentInfo;
  pods: PodInfo;
  events: EventInfo;
  nodes: NodeInfo;
  autoscalers: AutoscalerInfo;
}
export type WatchKind = keyof WatchItems;

export interface ListResult<K extends WatchKind> {
  items: WatchItems[K][];
  /** The list's resourceVersion: where a watch starts so no change is missed. */
  resourceVersion: string;
}

export interface WatchChange<K extends WatchKind> {
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: WatchItems[K];
}

/** Why a watch ended: the server closed it (resume), history expired (410: re-list), or a failure. */
export type WatchClose = { kind: "ended" } | { kind: "expired" } | { kind: "error"; error: DriverErrorData };

export interface WatchOptions<K extends WatchKind> {
  resourceVersion: string;
  labelSelector?: string;
  onChange: (change: WatchChange<K>, resourceVersion: string) => void;
  /** Bookmarks only move the resourceVersion forward. */
  onBookmark?: (resourceVersion: string) => void;
  /** Called once; not called after stop(). */
  onClose: (close: WatchClose) => void;
}

export interface WatchHandle {
  stop(): void;
}

/** An Open Inference Protocol request to a model server behind a Service, through the API server's services/proxy. */
export interface ServiceInferRequest {
  namespace: string;
  service: string;
  /** The Service port's name or number (Tern's model Services name theirs "http"). */
  port: string | number;
  modelName: string;
  /** The OIP request body (JSON). */
  request: unknown;
  timeoutMs?: number;
}

/** The model server's answer: its HTTP status and parsed JSON body (text when it was not JSON). */
export interface ServiceInferResponse {
  status: number;
  body: unknown;
}

/** Which output of which container, as pods/log takes it (the driver caps lines and bytes). */
export interface PodLogOptions {
  /** Needed when the pod has several containers. */
  container?: string;
  /** Lines from the end; default 200, at most 5000. */
  tailLines?: number;
  sinceSeconds?: number;
  /** Prefix each line with the kubelet's RFC 3339 timestamp. */
  timestamps?: boolean;
  /** The last terminated instance (after a crash) instead of the current one. */
  previous?: boolean;
  limitBytes?: number;
}

export interface PodLogs {
  lines: string[];
  /** True when the byte cap cut the answer (the first or last line may be partial). */
  truncated: boolean;
}

/** A Gateway API parentReference (usually a Gateway). */
export interface RouteParentRef {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
}

/** One entry of an HTTPRoute rule's backendRefs: a Service, or a multicluster.x-k8s.io ServiceImport. */
export interface RouteBackendRef {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
}

export interface RouteCondition extends Condition {
  observedGeneration?: number;
}

/** A gateway.networking.k8s.io/v1 HTTPRoute as Tern reads it: the first rule's backends and the parents' status. */
export interface HttpRouteInfo {
  namespace: string;
  name: string;
  generation: number;
  resourceVersion: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  parentRefs: RouteParentRef[];
  backendRefs: RouteBackendRef[];
  /** status.parents[]: each controller's verdict on the route for one parent. */
  parents: { parentRef: RouteParentRef; controllerName: string; conditions: RouteCondition[] }[];
}

/** What Tern applies (server-side apply, field manager "tern"): it owns these fields and no others. */
export interface HttpRouteApply {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  parentRefs: RouteParentRef[];
  backendRefs: RouteBackendRef[];
}

/** HTTPRoutes on one cluster (a gateway cluster); rejects with DriverError. */
export interface HttpRouteClient {
  /** null when the route does not exist. */
  get(namespace: string, name: string): Promise<HttpRouteInfo | null>;
  /** Creates the namespace when missing, then applies the route; resolves with the stored route (its new generation). */
  apply(route: HttpRouteApply): Promise<HttpRouteInfo>;
  delete(namespace: string, name: string): Promise<"deleted" | "absent">;
}

export interface ClusterDriver {
  readonly apiServer: string;
  testConnection(): Promise<TestConnectionResult>;
  applyModelDeployment(spec: ModelDeploymentSpec): Promise<AppliedDeployment>;
  scale(namespace: string, name: string, replicas: number): Promise<{ replicas: number }>;
  deleteModelDeployment(namespace: string, name: string, propagation?: Propagation): Promise<DeleteResult>;
  getDeploymentStatus(namespace: string, name: string): Promise<DeploymentInfo>;
  listPods(namespace: string, labelSelector?: string): Promise<PodInfo[]>;
  listEvents(namespace: string, involvedObjectName?: string): Promise<EventInfo[]>;
  /** The tail of a container's output (pods/log); a container that has not started yet rejects with bad_request. */
  readPodLogs(namespace: string, pod: string, opts?: PodLogOptions): Promise<PodLogs>;
  listNodes(): Promise<NodeInfo[]>;
  /** Cluster-wide list, for the sync. */
  list<K extends WatchKind>(kind: K, opts?: { labelSelector?: string }): Promise<ListResult<K>>;
  /** Cluster-wide watch from a resourceVersion, for the sync. */
  watch<K extends WatchKind>(kind: K, opts: WatchOptions<K>): WatchHandle;
  /**
   * POSTs an OIP infer request through services/proxy. The model server's own answers (any status) resolve;
   * the API server's refusals (no endpoints, no such Service, RBAC, outage) reject with DriverError.
   */
  infer(req: ServiceInferRequest): Promise<ServiceInferResponse>;
  /** Gateway API HTTPRoutes on this cluster (when it is the gateway cluster of a Gateway API TrafficRouter). */
  httpRoutes: HttpRouteClient;
}
