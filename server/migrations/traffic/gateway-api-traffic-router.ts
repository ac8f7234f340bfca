// TrafficRouter for Kubernetes Gateway API implementations (Envoy Gateway, Istio, GKE multi-cluster Gateway, AWS
// Gateway API controller): one HTTPRoute per model (named like the model) on a gateway cluster, whose first rule's
// backendRefs carry the weights. Backends in other clusters are multicluster.x-k8s.io ServiceImports named by
// serviceImportName(deployment, cluster); backends in the gateway cluster are its Services. setWeights resolves
// once every status.parents[] entry reports Accepted=True and ResolvedRefs=True for the generation Tern wrote.
import type { HttpRouteClient, HttpRouteInfo, RouteBackendRef, RouteParentRef } from "../../clusters/driver";
import { DriverError } from "../../clusters/driver";
import { errorMessage } from "../../domain/error-message";
import { serviceImportName } from "./service-import-name";
import {
  formatWeights,
  TrafficRouterError,
  type SetWeightsOptions,
  type TrafficBackend,
  type TrafficRouter,
} from "./traffic-router";

export const MCS_GROUP = "multicluster.x-k8s.io";
/** JSON map backendRef name → {cluster, namespace, deployment}: names alone are lossy (hashed, and joined with '-'). */
export const BACKENDS_ANNOTATION = "tern.dev/backends";
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The gateway cluster: its HTTPRoutes, and Tern's name for it (backends there are referenced as plain Services). */
export interface GatewayCluster {
  routes: HttpRouteClient;
  name: string;
}

export interface GatewayApiTrafficRouterOptions {
  /** A function is called on first use (and again after it fails): the stored cluster is read lazily. */
  gateway: GatewayCluster | (() => Promise<GatewayCluster>);
  /** Where the routes live, e.g. tern-routes. */
  namespace: string;
  /** The Gateway the routes attach to. */
  parentRef: RouteParentRef;
  /** The model Services' port (Tern's are 8080, named http). */
  port?: number;
  pollMs?: number;
}

type Mapping = Record<string, { cluster: string; namespace: string; deployment: string }>;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new TrafficRouterError("timeout", "setting weights was cancelled"));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => (clearTimeout(t), reject(new TrafficRouterError("timeout", "setting weights was cancelled"))),
      { once: true },
    );
  });

function readMapping(route: HttpRouteInfo): Mapping {
  try {
    const raw = JSON.parse(route.annotations[BACKENDS_ANNOTATION] ?? "{}") as unknown;
    return raw !== null && typeof raw === "object" ? (raw as Mapping) : {};
  } catch {
    return {};
  }
}

/** Where the route's generation stands with its parents: in effect, refused (why), or still pending (what). */
export function routeVerdict(
  route: HttpRouteInfo,
  generation: number,
): { state: "ready" } | { state: "refused"; why: string } | { state: "pending"; why: string } {
  if (route.parents.length === 0) return { state: "pending", why: "no gateway controller has reported on the route" };
  const waiting: string[] = [];
  for (const p of route.parents) {
    for (const type of ["Accepted", "ResolvedRefs"]) {
      const c = p.conditions.find((x) => x.type === type);
      const who = `${p.controllerName || "a controller"} (Gateway ${p.parentRef.name})`;
      if (!c || (c.observedGeneration ?? 0) < generation) {
        waiting.push(`${who}: ${type} not yet reported for generation ${generation}`);
        continue;
      }
      if (c.status === "False")
        return {
          state: "refused",
          why: `${who} reports ${type}=False (${c.reason ?? "no reason"})${c.message ? `: ${c.message}` : ""}`,
        };
      if (c.status !== "True") waiting.push(`${who}: ${type} is ${c.status}`);
    }
  }
  return waiting.length ? { state: "pending", why: waiting.join("; ") } : { state: "ready" };
}

export function createGatewayApiTrafficRouter(o: GatewayApiTrafficRouterOptions): TrafficRouter {
  const port = o.port ?? 8080;
  let gw: GatewayCluster | undefined = typeof o.gateway === "function" ? undefined : o.gateway;

  async function gateway(): Promise<GatewayCluster> {
    if (gw) return gw;
    try {
      gw = await (o.gateway as () => Promise<GatewayCluster>)();
      return gw;
    } catch (e) {
      if (e instanceof TrafficRouterError) throw e;
      throw new TrafficRouterError("unavailable", `the gateway cluster cannot be used: ${errorMessage(e)}`);
    }
  }

  async function call<T>(fn: (c: HttpRouteClient) => Promise<T>): Promise<T> {
    const g = await gateway();
    try {
      return await fn(g.routes);
    } catch (e) {
      if (e instanceof TrafficRouterError) throw e;
      const msg = `the gateway cluster ${g.name}: ${errorMessage(e)}`;
      throw new TrafficRouterError(e instanceof DriverError && e.kind === "invalid" ? "invalid" : "unavailable", msg);
    }
  }

  function toBackends(route: HttpRouteInfo, gatewayCluster: string): TrafficBackend[] {
    const mapping = readMapping(route);
    return route.backendRefs.flatMap((ref) => {
      const known = mapping[ref.name];
      const local = (ref.group ?? "") === "" && (ref.kind ?? "Service") === "Service";
      // A backend Tern did not write and cannot place in a cluster is left out (it keeps its weight on the route
      // only until Tern's next write, which owns the rule's backendRefs).
      const b =
        known ??
        (local ? { cluster: gatewayCluster, namespace: ref.namespace ?? route.namespace, deployment: ref.name } : null);
      return b
        ? [{ cluster: b.cluster, namespace: b.namespace, deployment: b.deployment, weight: ref.weight ?? 1 }]
        : [];
    });
  }

  function refsFor(
    model: string,
    backends: TrafficBackend[],
    gatewayCluster: string,
  ): { refs: RouteBackendRef[]; mapping: Mapping } {
    const refs: RouteBackendRef[] = [];
    const mapping: Mapping = {};
    const problems: string[] = [];
    for (const b of backends) {
      if (!Number.isInteger(b.weight) || b.weight < 0 || b.weight > 1_000_000)
        problems.push(
          `weight of ${b.cluster}/${b.namespace}/${b.deployment} must be a whole number from 0 to 1000000 (got ${b.weight})`,
        );
      const local = b.cluster === gatewayCluster;
      const name = local ? b.deployment : serviceImportName(b.deployment, b.cluster);
      if (mapping[name])
        problems.push(
          `backends ${b.cluster}/${b.namespace}/${b.deployment} and ${mapping[name].cluster}/${mapping[name].namespace}/${mapping[name].deployment} both map to backendRef ${name}`,
        );
      mapping[name] = { cluster: b.cluster, namespace: b.namespace, deployment: b.deployment };
      refs.push({
        ...(local ? { group: "", kind: "Service" } : { group: MCS_GROUP, kind: "ServiceImport" }),
        name,
        namespace: b.namespace,
        port,
        weight: b.weight,
      });
    }
    if (problems.length) throw new TrafficRouterError("invalid", `cannot route model ${model}: ${problems.join("; ")}`);
    return { refs, mapping };
  }

  return {
    async getWeights(model) {
      const route = await call((c) => c.get(o.namespace, model));
      return route ? toBackends(route, (await gateway()).name) : [];
    },

    async setWeights(model, backends, opts: SetWeightsOptions = {}) {
      if (model.length > 253 || !SUBDOMAIN.test(model))
        throw new TrafficRouterError(
          "invalid",
          `model name '${model}' cannot name an HTTPRoute: lowercase letters, digits, '-' and '.', at most 253 characters`,
        );
      // No backends: Tern's route goes, and the gateway's own default for the model's hostname applies.
      if (backends.length === 0) {
        await call((c) => c.delete(o.namespace, model));
        return [];
      }
      const { name: gatewayCluster } = await gateway();
      const where = `namespace ${o.namespace} on cluster ${gatewayCluster}`;
      const { refs, mapping } = refsFor(model, backends, gatewayCluster);
      const applied = await call((c) =>
        c.apply({
          namespace: o.namespace,
          name: model,
          labels: { "app.kubernetes.io/managed-by": "tern" },
          annotations: { [BACKENDS_ANNOTATION]: JSON.stringify(mapping) },
          parentRefs: [o.parentRef],
          backendRefs: refs,
        }),
      );
      const generation = applied.generation;
      const timeoutMs = opts.timeoutMs ?? 30_000;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const route = await call((c) => c.get(o.namespace, model));
        if (!route)
          throw new TrafficRouterError(
            "unavailable",
            `HTTPRoute ${model} in ${where} was deleted while Tern waited for it`,
          );
        const v = routeVerdict(route, generation);
        if (v.state === "ready") return toBackends(route, gatewayCluster);
        if (v.state === "refused")
          throw new TrafficRouterError("invalid", `the gateway refused HTTPRoute ${model} in ${where}: ${v.why}`);
        if (Date.now() > deadline)
          throw new TrafficRouterError(
            "timeout",
            `weights for ${model} (${formatWeights(backends)}) were written to HTTPRoute ${model} in ${where} (generation ${generation}) but not accepted within ${timeoutMs / 1000} s: ${v.why}; check that a Gateway API controller serves Gateway ${o.parentRef.name}`,
          );
        await sleep(o.pollMs ?? 250, opts.signal);
      }
    },
  };
}
