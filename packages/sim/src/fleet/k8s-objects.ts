// Typed reads of the loosely typed objects in the store: pod resources, owners, conditions, timestamps.
import type { KubeObject, OwnerReference } from "../store/object-store";

export type Obj = Record<string, unknown>;

export const asObj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined;
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const asNumber = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;

export const GPU_RESOURCE = "nvidia.com/gpu";
export const GPU_PRODUCT_LABEL = "nvidia.com/gpu.product";
export const REGION_LABEL = "topology.kubernetes.io/region";
export const ZONE_LABEL = "topology.kubernetes.io/zone";
/** Label and env names Tern uses to say which model a workload serves. */
export const MODEL_LABEL = "tern.dev/model";

/** Kubernetes timestamps have second precision (metav1.Time marshals RFC 3339 without fractions). */
export const kubeNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
}

export function conditionsOf(o: KubeObject): Condition[] {
  return asArray(o.status?.conditions).filter((c): c is Condition => typeof asObj(c)?.type === "string");
}

export const getCondition = (o: KubeObject, type: string) => conditionsOf(o).find((c) => c.type === type);

/**
 * Sets one condition as SetDeploymentCondition does: the same status, reason and message change nothing (so
 * a no-op reconcile writes nothing); lastTransitionTime moves only when the status flips.
 */
export function setCondition(list: Condition[], next: Condition, opts: { withUpdateTime?: boolean } = {}): Condition[] {
  const old = list.find((c) => c.type === next.type);
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message) return list;
  const now = kubeNow();
  const merged: Condition = { ...next };
  if (opts.withUpdateTime) merged.lastUpdateTime = now;
  merged.lastTransitionTime = old && old.status === next.status ? (old.lastTransitionTime ?? now) : now;
  return [...list.filter((c) => c.type !== next.type), merged];
}

export const labelsOf = (o: KubeObject): Record<string, string> => o.metadata.labels ?? {};

export function controllerOf(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export const isOwnedBy = (o: KubeObject, owner: KubeObject) => controllerOf(o)?.uid === owner.metadata.uid;

export interface ContainerSpec {
  name: string;
  image: string;
  env: { name: string; value?: string }[];
  args: string[];
  command: string[];
  resources: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  readinessProbe?: Obj;
}

export function containersOf(podSpec: Obj | undefined): ContainerSpec[] {
  return asArray(podSpec?.containers).map((c) => {
    const o = asObj(c) ?? {};
    return {
      name: asString(o.name) ?? "",
      image: asString(o.image) ?? "",
      env: asArray(o.env).map((e) => ({ name: asString(asObj(e)?.name) ?? "", value: asString(asObj(e)?.value) })),
      args: asArray(o.args).filter((a): a is string => typeof a === "string"),
      command: asArray(o.command).filter((a): a is string => typeof a === "string"),
      resources: asObj(o.resources) ?? {},
      readinessProbe: asObj(o.readinessProbe),
    };
  });
}

/** Parses a resource quantity that should be a whole count (GPUs): "2", 2, "1k" are accepted. */
export function parseCount(q: unknown): number {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return 0;
  const m = /^(\d+)(k|M|G)?$/.exec(q.trim());
  if (!m) return 0;
  const mult = m[2] === "k" ? 1e3 : m[2] === "M" ? 1e6 : m[2] === "G" ? 1e9 : 1;
  return Number(m[1]) * mult;
}

/** A container's GPU request: requests win, and extended resources default requests to limits. */
export function containerGpus(c: ContainerSpec): number {
  const req = c.resources.requests?.[GPU_RESOURCE];
  return parseCount(req ?? c.resources.limits?.[GPU_RESOURCE]);
}

export const podGpus = (pod: KubeObject) => containersOf(pod.spec).reduce((n, c) => n + containerGpus(c), 0);

export const podPhase = (pod: KubeObject) => asString(pod.status?.phase) ?? "Pending";
export const isTerminal = (pod: KubeObject) => ["Succeeded", "Failed"].includes(podPhase(pod));
export const isPodReady = (pod: KubeObject) => getCondition(pod, "Ready")?.status === "True";
export const nodeNameOf = (pod: KubeObject) => asString(pod.spec?.nodeName);

/** Ready for at least minReadySeconds (scaled), as the ReplicaSet controller counts "available". */
export function isPodAvailable(pod: KubeObject, minReadyMs: number, now = Date.now()): boolean {
  const ready = getCondition(pod, "Ready");
  if (ready?.status !== "True") return false;
  if (minReadyMs <= 0) return true;
  const since = Date.parse(ready.lastTransitionTime ?? "");
  return Number.isFinite(since) && since + minReadyMs <= now;
}

/** The value of an env var or `--flag=value` / `--flag value` argument, env first. */
export function containerSetting(c: ContainerSpec, env: string, flag: string): string | undefined {
  const fromEnv = c.env.find((e) => e.name === env)?.value;
  if (fromEnv) return fromEnv;
  const argv = [...c.command, ...c.args];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith(`--${flag}=`)) return a.slice(flag.length + 3);
    if (a === `--${flag}`) return argv[i + 1];
  }
  return undefined;
}
