// A simulated multi-cluster Gateway controller (what GKE multi-cluster Gateways, Istio or Envoy Gateway run for
// real clusters): it watches HTTPRoutes on the fleet's gateway cluster that attach to its Gateway, resolves each
// route's backendRefs to the GLB's backends, applies the weights to the GLB, and once they are in effect (after
// the fleet's trafficPropagationMs) writes status.parents[] with Accepted/ResolvedRefs for that generation.
// The route's name is the model's (its stable GLB endpoint); deleting the route restores the default routing.
import { isStoreError, type ObjectStore } from "../store/object-store";
import { GATEWAY_GROUP } from "../store/resources";
import type { KubeObject } from "../store/types";
import { serviceImportName } from "./service-import-name";
import { TrafficRouterError, type Backend, type ClusterView, type WeightTable } from "./traffic-router";

export const GATEWAY_CONTROLLER_NAME = "sim.tern.dev/multicluster-gateway-controller";
export const MCS_GROUP = "multicluster.x-k8s.io";

export interface GatewayControllerOptions {
  /** The gateway cluster's name and store (where HTTPRoutes live). */
  cluster: string;
  store: ObjectStore;
  namespace: string;
  /** The Gateway routes attach to (parentRefs[].name, in `namespace` unless the ref names another). */
  gateway: string;
  clusters: () => ClusterView[];
  weights: WeightTable;
  propagationMs: number;
  log?: (line: string) => void;
}

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(o) : []);

interface Verdict {
  accepted: { ok: boolean; reason: string; message: string };
  resolved: { ok: boolean; reason: string; message: string };
}

export function startGatewayController(opts: GatewayControllerOptions): { stop(): void } {
  const { store, namespace } = opts;
  /** route name → the generation whose weights were applied (or are propagating). */
  const handled = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const ours = (ref: Obj) =>
    (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP &&
    (ref.kind ?? "Gateway") === "Gateway" &&
    ref.name === opts.gateway &&
    (ref.namespace ?? namespace) === namespace;

  /** A backendRef → the GLB backend it names, or why it names none. */
  function resolve(ref: Obj): Omit<Backend, "weight"> | string {
    const name = typeof ref.name === "string" ? ref.name : "";
    const ns = typeof ref.namespace === "string" ? ref.namespace : namespace;
    const group = typeof ref.group === "string" ? ref.group : "";
    const kind = typeof ref.kind === "string" ? ref.kind : "Service";
    const has = (c: ClusterView, deployment: string) => !!c.store.get("deployments", ns, deployment);
    if (group === "" && kind === "Service") {
      const local = opts.clusters().find((c) => c.name === opts.cluster);
      return local && has(local, name)
        ? { cluster: opts.cluster, namespace: ns, deployment: name }
        : `Service ${ns}/${name} not found in cluster ${opts.cluster}`;
    }
    if (group === MCS_GROUP && kind === "ServiceImport") {
      // The simulated MCS layer exports each cluster's Service as <deployment>-<cluster> (service-import-name.ts).
      for (const c of opts.clusters())
        for (const d of c.store.list("deployments", { namespace: ns }).items)
          if (serviceImportName(d.metadata.name, c.name) === name)
            return { cluster: c.name, namespace: ns, deployment: d.metadata.name };
      return `ServiceImport ${ns}/${name} not found (no cluster exports a Service under that name)`;
    }
    return `backendRef kind ${group ? `${group}/` : ""}${kind} is not supported (Service or ${MCS_GROUP}/ServiceImport)`;
  }

  function writeStatus(route: KubeObject, generation: number, v: Verdict): void {
    const now = new Date().toISOString();
    const before = list(o(route.status).parents).find((p) => p.controllerName === GATEWAY_CONTROLLER_NAME);
    const cond = (type: string, x: Verdict["accepted"]) => {
      const status = x.ok ? "True" : "False";
      const prev = list(o(before).conditions).find((c) => c.type === type);
      // lastTransitionTime moves only when the status does, so rewriting the same verdict stores nothing.
      const since =
        prev?.status === status && typeof prev.lastTransitionTime === "string" ? prev.lastTransitionTime : now;
      return {
        type,
        status,
        reason: x.reason,
        message: x.message,
        observedGeneration: generation,
        lastTransitionTime: since,
      };
    };
    try {
      store.mutate(
        "httproutes",
        namespace,
        route.metadata.name,
        (r) => {
          const parentRef = { group: GATEWAY_GROUP, kind: "Gateway", namespace, name: opts.gateway };
          const others = list(o(r.status).parents).filter((p) => p.controllerName !== GATEWAY_CONTROLLER_NAME);
          const mine = {
            parentRef,
            controllerName: GATEWAY_CONTROLLER_NAME,
            conditions: [cond("Accepted", v.accepted), cond("ResolvedRefs", v.resolved)],
          };
          r.status = { ...o(r.status), parents: [...others, mine] };
        },
        { subresource: "status" },
      );
    } catch (e) {
      if (!isStoreError(e) || e.reason !== "NotFound") throw e; // deleted meanwhile: nothing to report on
    }
  }

  function reconcileRoute(route: KubeObject): void {
    const generation = route.metadata.generation ?? 1;
    if (handled.get(route.metadata.name) === generation) return;
    if (!list(o(route.spec).parentRefs).some(ours)) return; // another Gateway's route
    handled.set(route.metadata.name, generation);
    const model = route.metadata.name;
    const refs = list(o(list(o(route.spec).rules)[0]).backendRefs);
    const backends: Backend[] = [];
    const missing: string[] = [];
    for (const ref of refs) {
      const b = resolve(ref);
      if (typeof b === "string") missing.push(b);
      else backends.push({ ...b, weight: typeof ref.weight === "number" ? ref.weight : 1 });
    }
    if (missing.length > 0) {
      // As real controllers report it; the GLB keeps its current weights rather than route to nowhere.
      writeStatus(route, generation, {
        accepted: { ok: true, reason: "Accepted", message: "Route is accepted" },
        resolved: { ok: false, reason: "BackendNotFound", message: missing.join("; ") },
      });
      opts.log?.(`gateway: route ${namespace}/${model} generation ${generation}: ${missing.join("; ")}`);
      return;
    }
    try {
      opts.weights.set(model, backends);
    } catch (e) {
      const message = e instanceof TrafficRouterError ? e.message : String(e);
      writeStatus(route, generation, {
        accepted: { ok: false, reason: "UnsupportedValue", message },
        resolved: { ok: true, reason: "ResolvedRefs", message: "Resolved all the Object references for the Route" },
      });
      return;
    }
    // The GLB applies new weights after propagationMs; the route reports them once they are in effect.
    const t = setTimeout(() => {
      timers.delete(t);
      if (stopped) return;
      const now = store.get("httproutes", namespace, model);
      if (!now || (now.metadata.generation ?? 1) !== generation) return; // a newer generation reports for itself
      opts.weights.resolve(model); // moves the propagated weights into effect now
      writeStatus(now, generation, {
        accepted: { ok: true, reason: "Accepted", message: "Route is accepted" },
        resolved: { ok: true, reason: "ResolvedRefs", message: "Resolved all the Object references for the Route" },
      });
    }, opts.propagationMs);
    timers.add(t);
  }

  function reconcile(): void {
    if (stopped) return;
    const routes = store.list("httproutes", { namespace }).items;
    const present = new Set(routes.map((r) => r.metadata.name));
    for (const name of [...handled.keys()])
      if (!present.has(name)) {
        handled.delete(name);
        opts.weights.set(name, []); // no route: the model's default routing again
      }
    for (const r of routes) reconcileRoute(r);
  }

  if (!store.get("namespaces", undefined, namespace))
    store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
  let scheduled = false;
  const poke = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      try {
        reconcile();
      } catch (e) {
        console.error("[sim gateway] reconcile failed:", e);
      }
    });
  };
  // Deployments too: a route naming a backend that appears later resolves once it exists.
  const unwatch = [
    store.watch("httproutes", { namespace }, poke),
    ...opts.clusters().map((c) => c.store.watch("deployments", {}, () => retryUnresolved())),
  ];
  function retryUnresolved() {
    for (const r of store.list("httproutes", { namespace }).items) {
      const resolved = list(o(r.status).parents).find((p) => p.controllerName === GATEWAY_CONTROLLER_NAME);
      const refs = list(o(resolved).conditions).find((c) => c.type === "ResolvedRefs");
      if (refs?.status === "False") handled.delete(r.metadata.name);
    }
    poke();
  }
  poke();
  return {
    stop() {
      stopped = true;
      for (const u of unwatch) u();
      for (const t of timers) clearTimeout(t);
    },
  };
}
