// Discovery documents (/version, /api, /apis, group versions) in the unaggregated form kubectl and client-node accept.
import {
  API_GROUPS,
  GROUP_VERSION,
  RESOURCE_NAMES,
  RESOURCES,
  type ApiGroup,
  type ResourceInfo,
} from "../store/resources";

export const KUBE_VERSION = { major: "1", minor: "32", gitVersion: "v1.32.0+tern-sim" };

export function versionInfo() {
  return {
    ...KUBE_VERSION,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2025-01-01T00:00:00Z",
    goVersion: "go1.23.4",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

export function apiVersions(serverAddress: string) {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

const namedGroup = (name: Exclude<ApiGroup, "">) => {
  const gv = { groupVersion: `${name}/${GROUP_VERSION[name]}`, version: GROUP_VERSION[name] };
  return { name, versions: [gv], preferredVersion: gv };
};

export const apiGroupList = () => ({
  kind: "APIGroupList",
  apiVersion: "v1",
  groups: API_GROUPS.filter((g): g is Exclude<ApiGroup, ""> => g !== "").map(namedGroup),
});
export const apiGroup = (name: Exclude<ApiGroup, "">) => ({ kind: "APIGroup", apiVersion: "v1", ...namedGroup(name) });

/** `kubectl get all` expands the `all` category to these. */
const IN_ALL = new Set(["pods", "services", "deployments", "replicasets", "horizontalpodautoscalers"]);

function verbs(info: ResourceInfo): string[] {
  const v = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
  return info.resource === "namespaces" ? v.filter((x) => x !== "deletecollection") : v;
}

function entries(info: ResourceInfo) {
  const main = {
    name: info.resource,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: verbs(info),
    ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
    ...(IN_ALL.has(info.resource) ? { categories: ["all"] } : {}),
  };
  const subs = info.subresources.map((sub) =>
    sub === "scale"
      ? // kubectl's scale client reads group/version/kind here to know the subresource speaks autoscaling/v1 Scale.
        {
          name: `${info.resource}/scale`,
          singularName: "",
          namespaced: info.namespaced,
          group: "autoscaling",
          version: "v1",
          kind: "Scale",
          verbs: ["get", "patch", "update"],
        }
      : {
          name: `${info.resource}/${sub}`,
          singularName: "",
          namespaced: info.namespaced,
          kind: info.kind,
          verbs: ["get", "patch", "update"],
        },
  );
  // As kube-apiserver lists it: the proxy subresource speaks every verb, on the Service's own kind.
  const proxy =
    info.resource === "services"
      ? [
          {
            name: "services/proxy",
            singularName: "",
            namespaced: true,
            kind: "ServiceProxyOptions",
            verbs: ["create", "delete", "get", "patch", "update"],
          },
        ]
      : [];
  const log =
    info.resource === "pods"
      ? [{ name: "pods/log", singularName: "", namespaced: true, kind: "Pod", verbs: ["get"] }]
      : [];
  return [main, ...subs, ...log, ...proxy];
}

export function apiResourceList(group: ApiGroup) {
  const resources = RESOURCE_NAMES.map((r) => RESOURCES[r]).filter((i) => i.group === group);
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: group ? `${group}/${GROUP_VERSION[group]}` : "v1",
    resources: resources.flatMap(entries),
  };
}
