// In-memory mirror of one cluster's Tern deployments and their autoscalers, all pods, events and nodes, fed by
// lists and watches.
import type {
  AutoscalerInfo,
  DeploymentInfo,
  EventInfo,
  NodeInfo,
  PodInfo,
  WatchChange,
  WatchItems,
  WatchKind,
} from "../driver";

export const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`;

/** What a change touched: deployments to re-snapshot, whether capacity may differ, new events to stream. */
export interface Touched {
  deployments: Set<string>;
  gone: DeploymentInfo[];
  capacity: boolean;
  newEvents: EventInfo[];
}

const emptyTouched = (): Touched => ({ deployments: new Set(), gone: [], capacity: false, newEvents: [] });

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** ReplicaSets are named <deployment>-<hash> and their pods <deployment>-<hash>-<suffix>. */
function ownedName(deployment: string, kind: string, name: string): boolean {
  if (!name.startsWith(`${deployment}-`)) return false;
  const rest = name.slice(deployment.length + 1);
  return kind === "ReplicaSet" ? /^[a-z0-9]+$/.test(rest) : /^[a-z0-9]+-[a-z0-9]+$/.test(rest);
}

export class ClusterState {
  readonly deployments = new Map<string, DeploymentInfo>();
  /** namespace → pod name → pod; every pod, since GPU use by other workloads counts against capacity. */
  readonly pods = new Map<string, Map<string, PodInfo>>();
  /** namespace → event uid → event. */
  readonly events = new Map<string, Map<string, EventInfo>>();
  readonly nodes = new Map<string, NodeInfo>();
  /** namespace/name → Tern's HorizontalPodAutoscaler of the deployment of that name. */
  readonly autoscalers = new Map<string, AutoscalerInfo>();

  podsOf(d: DeploymentInfo): PodInfo[] {
    return [...(this.pods.get(d.namespace)?.values() ?? [])].filter((p) => selects(d.selector, p.labels));
  }

  *allPods(): Iterable<PodInfo> {
    for (const byName of this.pods.values()) yield* byName.values();
  }

  /** Whether an event is about this deployment, its ReplicaSets or its pods. */
  concerns(d: DeploymentInfo, e: EventInfo): boolean {
    if (e.namespace !== d.namespace) return false;
    const { kind, name } = e.involvedObject;
    if (kind === "Deployment" || kind === "HorizontalPodAutoscaler") return name === d.name;
    if (kind === "Pod") {
      const pod = this.pods.get(d.namespace)?.get(name);
      return pod ? selects(d.selector, pod.labels) : ownedName(d.name, kind, name);
    }
    return kind === "ReplicaSet" && ownedName(d.name, kind, name);
  }

  lastEventOf(d: DeploymentInfo): EventInfo | undefined {
    let last: EventInfo | undefined;
    for (const e of this.events.get(d.namespace)?.values() ?? []) {
      if (this.concerns(d, e) && (!last || Date.parse(e.at) >= Date.parse(last.at))) last = e;
    }
    return last;
  }

  private deploymentsIn(namespace: string): string[] {
    return [...this.deployments.values()]
      .filter((d) => d.namespace === namespace)
      .map((d) => keyOf(d.namespace, d.name));
  }

  apply<K extends WatchKind>(kind: K, change: WatchChange<K>): Touched {
    const t = emptyTouched();
    const deleted = change.type === "DELETED";
    switch (kind) {
      case "deployments": {
        const d = change.object as DeploymentInfo;
        const key = keyOf(d.namespace, d.name);
        if (deleted) {
          const old = this.deployments.get(key);
          this.deployments.delete(key);
          t.gone.push(old ?? d);
        } else this.deployments.set(key, d);
        t.deployments.add(key);
        break;
      }
      case "pods": {
        const p = change.object as PodInfo;
        const byName = this.pods.get(p.namespace) ?? new Map<string, PodInfo>();
        const old = byName.get(p.name);
        if (deleted) byName.delete(p.name);
        else byName.set(p.name, p);
        if (byName.size > 0) this.pods.set(p.namespace, byName);
        else this.pods.delete(p.namespace);
        for (const key of this.deploymentsIn(p.namespace)) {
          const d = this.deployments.get(key);
          if (d && (selects(d.selector, p.labels) || (old && selects(d.selector, old.labels)))) t.deployments.add(key);
        }
        t.capacity = p.gpus > 0 || (old?.gpus ?? 0) > 0;
        break;
      }
      case "events": {
        const e = change.object as EventInfo;
        const byUid = this.events.get(e.namespace) ?? new Map<string, EventInfo>();
        if (deleted) byUid.delete(e.uid);
        else {
          byUid.set(e.uid, e);
          t.newEvents.push(e);
        }
        if (byUid.size > 0) this.events.set(e.namespace, byUid);
        else this.events.delete(e.namespace);
        // Which deployment an event is about is decided at flush time, when its deployment is surely known.
        for (const key of this.deploymentsIn(e.namespace)) t.deployments.add(key);
        break;
      }
      case "autoscalers": {
        const a = change.object as AutoscalerInfo;
        const key = keyOf(a.namespace, a.name);
        if (deleted) this.autoscalers.delete(key);
        else this.autoscalers.set(key, a);
        t.deployments.add(key);
        break;
      }
      default: {
        const n = change.object as NodeInfo;
        if (deleted) this.nodes.delete(n.name);
        else this.nodes.set(n.name, n);
        t.capacity = true;
      }
    }
    return t;
  }

  /** A fresh list replaces everything of that kind; diffs are what a watch would have reported. */
  replace<K extends WatchKind>(kind: K, items: WatchItems[K][], first: boolean): Touched {
    const t = emptyTouched();
    switch (kind) {
      case "deployments": {
        const fresh = new Map((items as DeploymentInfo[]).map((d) => [keyOf(d.namespace, d.name), d]));
        for (const [key, old] of this.deployments) if (!fresh.has(key)) t.gone.push(old);
        this.deployments.clear();
        for (const [key, d] of fresh) this.deployments.set(key, d);
        break;
      }
      case "pods":
        this.pods.clear();
        for (const p of items as PodInfo[]) this.apply("pods", { type: "ADDED", object: p });
        t.capacity = true;
        break;
      case "events": {
        const seen = new Map<string, string>();
        for (const byUid of this.events.values()) for (const e of byUid.values()) seen.set(e.uid, e.resourceVersion);
        this.events.clear();
        for (const e of items as EventInfo[]) {
          this.apply("events", { type: "ADDED", object: e });
          // Events from before Tern started are history (lastEvent shows the newest); later ones are news.
          if (!first && seen.get(e.uid) !== e.resourceVersion) t.newEvents.push(e);
        }
        break;
      }
      case "autoscalers":
        this.autoscalers.clear();
        for (const a of items as AutoscalerInfo[]) this.autoscalers.set(keyOf(a.namespace, a.name), a);
        break;
      default:
        this.nodes.clear();
        for (const n of items as NodeInfo[]) this.nodes.set(n.name, n);
        t.capacity = true;
    }
    for (const key of this.deployments.keys()) t.deployments.add(key);
    for (const d of t.gone) t.deployments.add(keyOf(d.namespace, d.name));
    return t;
  }
}
