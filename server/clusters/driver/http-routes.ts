// Gateway API HTTPRoutes (gateway.networking.k8s.io/v1) on a gateway cluster: read, server-side apply, delete.
import { PatchStrategy } from "@kubernetes/client-node";
import { DriverError } from "./driver-error";
import { FIELD_MANAGER, type KubeClients } from "./kube-client";
import { ensureNamespace } from "./model-deployment";
import type {
  HttpRouteApply,
  HttpRouteClient,
  HttpRouteInfo,
  RouteBackendRef,
  RouteCondition,
  RouteParentRef,
} from "./types";

const ROUTES = { group: "gateway.networking.k8s.io", version: "v1", plural: "httproutes" } as const;

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(o) : []);
const s = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const n = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(o(v)).filter((e): e is [string, string] => typeof e[1] === "string"));

function parentRef(p: Obj): RouteParentRef {
  return {
    name: s(p.name) ?? "",
    ...(s(p.group) !== undefined ? { group: s(p.group) } : {}),
    ...(s(p.kind) !== undefined ? { kind: s(p.kind) } : {}),
    ...(s(p.namespace) !== undefined ? { namespace: s(p.namespace) } : {}),
    ...(s(p.sectionName) !== undefined ? { sectionName: s(p.sectionName) } : {}),
  };
}

function backendRef(b: Obj): RouteBackendRef {
  return {
    name: s(b.name) ?? "",
    ...(s(b.group) !== undefined ? { group: s(b.group) } : {}),
    ...(s(b.kind) !== undefined ? { kind: s(b.kind) } : {}),
    ...(s(b.namespace) !== undefined ? { namespace: s(b.namespace) } : {}),
    ...(n(b.port) !== undefined ? { port: n(b.port) } : {}),
    ...(n(b.weight) !== undefined ? { weight: n(b.weight) } : {}),
  };
}

function condition(c: Obj): RouteCondition {
  return {
    type: s(c.type) ?? "",
    status: s(c.status) ?? "Unknown",
    ...(s(c.reason) !== undefined ? { reason: s(c.reason) } : {}),
    ...(s(c.message) !== undefined ? { message: s(c.message) } : {}),
    ...(n(c.observedGeneration) !== undefined ? { observedGeneration: n(c.observedGeneration) } : {}),
  };
}

/** Plain data from the API's JSON; only the first rule's backendRefs, the one rule Tern writes. */
export function toHttpRouteInfo(raw: unknown): HttpRouteInfo {
  const r = o(raw);
  const meta = o(r.metadata);
  const spec = o(r.spec);
  return {
    namespace: s(meta.namespace) ?? "",
    name: s(meta.name) ?? "",
    generation: n(meta.generation) ?? 0,
    resourceVersion: s(meta.resourceVersion) ?? "",
    labels: strings(meta.labels),
    annotations: strings(meta.annotations),
    parentRefs: list(spec.parentRefs).map(parentRef),
    backendRefs: list(o(list(spec.rules)[0]).backendRefs).map(backendRef),
    parents: list(o(r.status).parents).map((p) => ({
      parentRef: parentRef(o(p.parentRef)),
      controllerName: s(p.controllerName) ?? "",
      conditions: list(p.conditions).map(condition),
    })),
  };
}

/** The apply configuration: only the fields Tern owns, so other managers' fields (hostnames, filters) stay. */
export function httpRouteManifest(route: HttpRouteApply) {
  return {
    apiVersion: `${ROUTES.group}/${ROUTES.version}`,
    kind: "HTTPRoute",
    metadata: {
      name: route.name,
      namespace: route.namespace,
      labels: route.labels,
      annotations: route.annotations,
    },
    spec: { parentRefs: route.parentRefs, rules: [{ backendRefs: route.backendRefs }] },
  };
}

export function httpRouteClient(k: KubeClients): HttpRouteClient {
  const ctx = (verb: string, name: string, namespace: string) => ({ verb, resource: "httproute", name, namespace });
  return {
    async get(namespace, name) {
      try {
        const raw: unknown = await k.call(ctx("get", name, namespace), () =>
          k.custom.getNamespacedCustomObject({ ...ROUTES, namespace, name }, k.options()),
        );
        return toHttpRouteInfo(raw);
      } catch (err) {
        // A missing route is an answer (Tern has not written one yet); anything else is the cluster's problem.
        if (err instanceof DriverError && err.kind === "not_found" && err.reason === "NotFound") return null;
        throw err;
      }
    },
    async apply(route) {
      await ensureNamespace(k, route.namespace);
      const raw: unknown = await k.call(ctx("patch", route.name, route.namespace), () =>
        k.custom.patchNamespacedCustomObject(
          {
            ...ROUTES,
            namespace: route.namespace,
            name: route.name,
            body: httpRouteManifest(route),
            fieldManager: FIELD_MANAGER,
            force: true,
          },
          k.options(PatchStrategy.ServerSideApply),
        ),
      );
      return toHttpRouteInfo(raw);
    },
    async delete(namespace, name) {
      try {
        await k.call(ctx("delete", name, namespace), () =>
          k.custom.deleteNamespacedCustomObject({ ...ROUTES, namespace, name }, k.options()),
        );
        return "deleted";
      } catch (err) {
        if (err instanceof DriverError && err.kind === "not_found") return "absent";
        throw err;
      }
    },
  };
}
