// The ReplicaSet controller: keeps spec.replicas pods per ReplicaSet (creating from the template, deleting
// the least useful first) and reports replicas / ready / available counts in its status.
import type { KubeObject, ObjectStore } from "../store/object-store";
import type { EventRecorder } from "./events";
import {
  asNumber,
  asObj,
  isOwnedBy,
  isPodAvailable,
  isPodReady,
  isTerminal,
  nodeNameOf,
  ownerRefTo,
  podPhase,
  type Obj,
} from "./k8s-objects";
import { startReconcileLoop, type ReconcileLoop } from "./reconcile-loop";
import type { SimClock } from "./sim-clock";

const SOURCE = { component: "replicaset-controller" };

/** What the DefaultTolerationSeconds admission plugin adds to every pod. */
const DEFAULT_TOLERATIONS = ["not-ready", "unreachable"].map((t) => ({
  key: `node.kubernetes.io/${t}`,
  operator: "Exists",
  effect: "NoExecute",
  tolerationSeconds: 300,
}));

/** Deletion preference (controller.ActivePods ordering): unscheduled, pending, not ready, then newest first. */
function deletionRank(p: KubeObject): number[] {
  const phaseRank = { Pending: 0, Unknown: 1, Running: 2 }[podPhase(p)] ?? 1;
  return [nodeNameOf(p) ? 1 : 0, phaseRank, isPodReady(p) ? 1 : 0, -Date.parse(p.metadata.creationTimestamp)];
}

const compareRanks = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

export class ReplicaSetController {
  private readonly loop: ReconcileLoop;

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: SimClock,
  ) {
    this.loop = startReconcileLoop({
      name: "replicaset-controller",
      store,
      clock,
      watch: ["replicasets", "pods"],
      resyncMs: 1_000,
      reconcile: () => this.reconcileAll(),
    });
  }

  stop(): void {
    this.loop.stop();
  }

  private reconcileAll(): void {
    const pods = this.store.list("pods").items;
    for (const rs of this.store.list("replicasets").items) {
      if (rs.metadata.deletionTimestamp) continue;
      this.reconcile(
        rs,
        pods.filter((p) => p.metadata.namespace === rs.metadata.namespace && isOwnedBy(p, rs)),
      );
    }
  }

  private reconcile(rs: KubeObject, owned: KubeObject[]): void {
    const { namespace } = rs.metadata;
    const desired = asNumber(rs.spec?.replicas) ?? 1;
    // Failed pods (e.g. evicted) no longer count; remove them so the ReplicaSet replaces them.
    for (const p of owned.filter((p) => podPhase(p) === "Failed")) this.deletePod(rs, p);
    let active = owned.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp);
    if (active.length < desired) {
      for (let i = active.length; i < desired; i++) active.push(this.createPod(rs));
    } else if (active.length > desired) {
      const victims = [...active]
        .sort((a, b) => compareRanks(deletionRank(a), deletionRank(b)))
        .slice(0, active.length - desired);
      for (const v of victims) this.deletePod(rs, v);
      const gone = new Set(victims.map((v) => v.metadata.uid));
      active = active.filter((p) => !gone.has(p.metadata.uid));
    }
    const minReadyMs = this.clock.wall((asNumber(rs.spec?.minReadySeconds) ?? 0) * 1000);
    const labels = asObj(asObj(asObj(rs.spec?.template)?.metadata)?.labels) ?? {};
    const status = {
      ...rs.status,
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v))
        .length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isPodAvailable(p, minReadyMs)).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    this.store.mutate("replicasets", namespace, rs.metadata.name, (o) => (o.status = status), {
      subresource: "status",
    });
  }

  private createPod(rs: KubeObject): KubeObject {
    const template = asObj(rs.spec?.template) ?? {};
    const meta = asObj(template.metadata) ?? {};
    const spec = structuredClone<Obj>(asObj(template.spec) ?? {});
    const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as Obj[]) : [];
    for (const t of DEFAULT_TOLERATIONS)
      if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
    spec.tolerations = tolerations;
    const pod = this.store.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(asObj(meta.labels) as Record<string, string> | undefined) },
        annotations: { ...(asObj(meta.annotations) as Record<string, string> | undefined) },
        ownerReferences: [ownerRefTo(rs)],
      },
      spec,
    });
    this.events.record(rs, SOURCE, {
      type: "Normal",
      reason: "SuccessfulCreate",
      message: `Created pod: ${pod.metadata.name}`,
    });
    return pod;
  }

  private deletePod(rs: KubeObject, pod: KubeObject): void {
    if (!this.store.get("pods", pod.metadata.namespace, pod.metadata.name)) return;
    this.store.delete("pods", pod.metadata.namespace, pod.metadata.name);
    this.events.record(rs, SOURCE, {
      type: "Normal",
      reason: "SuccessfulDelete",
      message: `Deleted pod: ${pod.metadata.name}`,
    });
  }
}
