// Static facts about each simulated resource: its group, kind and scope, shared by the store and the API server.
import type { ResourceName } from "./types";

/** Kubernetes Gateway API (a CRD group on real clusters; served built in here). */
export const GATEWAY_GROUP = "gateway.networking.k8s.io";
/** The API groups the simulator serves, each at one version, in the order /apis lists them. */
export type ApiGroup = "" | "apps" | "autoscaling" | typeof GATEWAY_GROUP;
export const GROUP_VERSION: Record<ApiGroup, "v1" | "v2"> = {
  "": "v1",
  apps: "v1",
  autoscaling: "v2",
  [GATEWAY_GROUP]: "v1",
};
export const API_GROUPS: ApiGroup[] = ["", "apps", "autoscaling", GATEWAY_GROUP];

export interface ResourceInfo {
  resource: ResourceName;
  group: ApiGroup;
  version: "v1" | "v2";
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  /** Subresources served under /<name>/<sub>; `status` also means main-resource writes keep the stored status. */
  subresources: ("status" | "scale")[];
}

export const RESOURCES: Record<ResourceName, ResourceInfo> = {
  namespaces: {
    resource: "namespaces",
    group: "",
    version: "v1",
    kind: "Namespace",
    singular: "namespace",
    namespaced: false,
    shortNames: ["ns"],
    subresources: ["status"],
  },
  nodes: {
    resource: "nodes",
    group: "",
    version: "v1",
    kind: "Node",
    singular: "node",
    namespaced: false,
    shortNames: ["no"],
    subresources: ["status"],
  },
  pods: {
    resource: "pods",
    group: "",
    version: "v1",
    kind: "Pod",
    singular: "pod",
    namespaced: true,
    shortNames: ["po"],
    subresources: ["status"],
  },
  services: {
    resource: "services",
    group: "",
    version: "v1",
    kind: "Service",
    singular: "service",
    namespaced: true,
    shortNames: ["svc"],
    subresources: ["status"],
  },
  events: {
    resource: "events",
    group: "",
    version: "v1",
    kind: "Event",
    singular: "event",
    namespaced: true,
    shortNames: ["ev"],
    subresources: [],
  },
  deployments: {
    resource: "deployments",
    group: "apps",
    version: "v1",
    kind: "Deployment",
    singular: "deployment",
    namespaced: true,
    shortNames: ["deploy"],
    subresources: ["status", "scale"],
  },
  replicasets: {
    resource: "replicasets",
    group: "apps",
    version: "v1",
    kind: "ReplicaSet",
    singular: "replicaset",
    namespaced: true,
    shortNames: ["rs"],
    subresources: ["status"],
  },
  httproutes: {
    resource: "httproutes",
    group: GATEWAY_GROUP,
    version: "v1",
    kind: "HTTPRoute",
    singular: "httproute",
    namespaced: true,
    shortNames: [],
    subresources: ["status"],
  },
  horizontalpodautoscalers: {
    resource: "horizontalpodautoscalers",
    group: "autoscaling",
    version: "v2",
    kind: "HorizontalPodAutoscaler",
    singular: "horizontalpodautoscaler",
    namespaced: true,
    shortNames: ["hpa"],
    subresources: ["status"],
  },
};

export const RESOURCE_NAMES = Object.keys(RESOURCES) as ResourceName[];

export const apiVersionOf = (info: ResourceInfo): string =>
  info.group ? `${info.group}/${info.version}` : info.version;

/** `deployments.apps` or `pods`: how Kubernetes names a resource in error messages. */
export const qualifiedResource = (info: ResourceInfo): string =>
  info.group ? `${info.resource}.${info.group}` : info.resource;

/** `Deployment.apps` or `Pod`: how Kubernetes names a kind in Invalid messages. */
export const qualifiedKind = (info: ResourceInfo): string => (info.group ? `${info.kind}.${info.group}` : info.kind);

export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return Object.values(RESOURCES).find((r) => r.kind === kind && apiVersionOf(r) === apiVersion);
}
