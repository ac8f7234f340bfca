// Maps a request path onto what it addresses: health, discovery, OpenAPI, or a resource (with namespace/name/subresource).
import { API_GROUPS, GROUP_VERSION, RESOURCES, type ApiGroup, type ResourceInfo } from "../store/resources";
import type { ResourceName } from "../store/types";

export type Route =
  | { type: "health"; check: string }
  | { type: "version" }
  | { type: "api" }
  | { type: "apis" }
  | { type: "group"; group: Exclude<ApiGroup, ""> }
  | { type: "groupVersion"; group: ApiGroup }
  | { type: "openapiRoot" }
  | { type: "openapiGroupVersion"; group: ApiGroup }
  | { type: "openapiV2" }
  | ResourceRoute
  | { type: "unknown" };

export interface ResourceRoute {
  type: "resource";
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: "status" | "scale" | "log";
  /** The deprecated `/api/v1/watch/...` form, which means watch=true. */
  watchPath: boolean;
}

const HEALTH = new Set(["healthz", "livez", "readyz"]);

function resourceIn(group: ApiGroup, name: string | undefined): ResourceInfo | undefined {
  if (!name || !(name in RESOURCES)) return undefined;
  const info = RESOURCES[name as ResourceName];
  return info.group === group ? info : undefined;
}

/** Parses the part after `/api/v1`, `/apis/apps/v1` or `/apis/autoscaling/v2`. */
function resourcePath(group: ApiGroup, segs: string[]): Route {
  let watchPath = false;
  if (segs[0] === "watch") {
    watchPath = true;
    segs = segs.slice(1);
  }
  let namespace: string | undefined;
  // `namespaces/<ns>/<resource>…` addresses namespaced resources; `namespaces/<name>[/status]` a namespace itself.
  if (segs[0] === "namespaces" && segs.length >= 3 && resourceIn(group, segs[2])?.namespaced) {
    namespace = segs[1];
    segs = segs.slice(2);
  }
  const info = resourceIn(group, segs[0]);
  if (!info || segs.length > 3) return { type: "unknown" };
  if (namespace === undefined && info.namespaced && segs.length > 1) return { type: "unknown" };
  const sub = segs[2];
  // pods/log is served (read-only) beside the writable subresources; it keeps no state of its own.
  const isLog = sub === "log" && info.resource === "pods";
  if (sub !== undefined && !isLog && !(info.subresources as string[]).includes(sub)) return { type: "unknown" };
  return {
    type: "resource",
    info,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(segs[1] !== undefined ? { name: segs[1] } : {}),
    ...(sub !== undefined ? { subresource: sub as "status" | "scale" | "log" } : {}),
    watchPath,
  };
}

const namedGroup = (s: string | undefined): Exclude<ApiGroup, ""> | undefined =>
  API_GROUPS.find((g): g is Exclude<ApiGroup, ""> => g !== "" && g === s);

export function route(pathname: string): Route {
  const segs = pathname
    .split("/")
    .filter((s) => s !== "")
    .map((s) => decodeURIComponent(s));
  const [a, b, c] = segs;
  if (segs.length >= 1 && HEALTH.has(a!)) return { type: "health", check: segs.join("/") };
  if (a === "version" && segs.length === 1) return { type: "version" };
  if (a === "openapi") {
    if (b === "v2" && segs.length === 2) return { type: "openapiV2" };
    if (b === "v3" && segs.length === 2) return { type: "openapiRoot" };
    if (b === "v3" && c === "api" && segs[3] === "v1" && segs.length === 4)
      return { type: "openapiGroupVersion", group: "" };
    const g = namedGroup(segs[3]);
    if (b === "v3" && c === "apis" && g && segs[4] === GROUP_VERSION[g] && segs.length === 5)
      return { type: "openapiGroupVersion", group: g };
    return { type: "unknown" };
  }
  if (a === "api") {
    if (segs.length === 1) return { type: "api" };
    if (b !== "v1") return { type: "unknown" };
    return segs.length === 2 ? { type: "groupVersion", group: "" } : resourcePath("", segs.slice(2));
  }
  if (a === "apis") {
    if (segs.length === 1) return { type: "apis" };
    const g = namedGroup(b);
    if (!g) return { type: "unknown" };
    if (segs.length === 2) return { type: "group", group: g };
    if (c !== GROUP_VERSION[g]) return { type: "unknown" };
    return segs.length === 3 ? { type: "groupVersion", group: g } : resourcePath(g, segs.slice(3));
  }
  return { type: "unknown" };
}
