// Shapes of the simulator's Kubernetes objects and watch events (a subset of apimachinery's types).
export type ResourceName =
  | "namespaces"
  | "nodes"
  | "pods"
  | "services"
  | "events"
  | "deployments"
  | "replicasets"
  | "httproutes"
  | "horizontalpodautoscalers";

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  generateName?: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  deletionTimestamp?: string;
  finalizers?: string[];
  managedFields?: unknown[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * What `create` accepts: the store fills uid, resourceVersion, creationTimestamp, generation, (with generateName) the
 * name, and apiVersion/kind from the resource. (Not `Omit<KubeObject, …>`: Omit over an index signature drops `spec`.)
 */
export interface NewObject {
  apiVersion?: string;
  kind?: string;
  metadata: Partial<ObjectMeta> & { name?: string };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: KubeObject;
}

export type PropagationPolicy = "Foreground" | "Background" | "Orphan";
