// Node loss, as the node lifecycle controller handles a kubelet that stops posting status: Ready=Unknown,
// unreachable taints, pods no longer ready at once and evicted after a delay (then replaced elsewhere).
import type { KubeObject, ObjectStore } from "../store/object-store";
import { isStoreError } from "../store/object-store";
import type { EventRecorder } from "./events";
import { conditionsOf, kubeNow, nodeNameOf, setCondition } from "./k8s-objects";
import { readyCondition } from "./node-objects";
import type { SimClock } from "./sim-clock";

const SOURCE = { component: "node-controller" };
/** Simulated seconds before a lost node's pods are evicted (a real cluster waits 40 s + the 300 s toleration). */
export const EVICTION_DELAY_MS = 10_000;
const UNREACHABLE = "node.kubernetes.io/unreachable";

export class NodeLifecycle {
  private readonly lost = new Map<string, () => void>();

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: SimClock,
  ) {}

  isLost(node: string): boolean {
    return this.lost.has(node);
  }

  lostNodes(): string[] {
    return [...this.lost.keys()];
  }

  /** Node loss: the node goes NotReady (Unknown) with unreachable taints; its pods are evicted after a delay. */
  loseNode(name: string): void {
    const node = this.store.get("nodes", undefined, name);
    if (!node) throw new Error(`node ${name} not found`);
    if (this.lost.has(name)) return;
    this.setReady(name, false);
    this.events.record(node, SOURCE, {
      type: "Normal",
      reason: "NodeNotReady",
      message: `Node ${name} status is now: NodeNotReady`,
    });
    // Pods on an unreachable node stop being ready at once (the endpoints controller drops them).
    for (const pod of this.podsOn(name)) this.markPodNotReady(pod);
    this.lost.set(
      name,
      this.clock.after(EVICTION_DELAY_MS, () => this.evict(name)),
    );
  }

  restoreNode(name: string): void {
    const cancel = this.lost.get(name);
    if (!cancel) return;
    cancel();
    this.lost.delete(name);
    this.setReady(name, true);
    const node = this.store.get("nodes", undefined, name);
    if (node)
      this.events.record(node, SOURCE, {
        type: "Normal",
        reason: "NodeReady",
        message: `Node ${name} status is now: NodeReady`,
      });
  }

  stop(): void {
    for (const cancel of this.lost.values()) cancel();
  }

  private podsOn(node: string): KubeObject[] {
    return this.store.list("pods", { fieldSelector: `spec.nodeName=${node}` }).items;
  }

  private setReady(name: string, ready: boolean): void {
    this.store.mutate("nodes", undefined, name, (n) => {
      const spec = (n.spec ??= {});
      const taints = (Array.isArray(spec.taints) ? spec.taints : []) as { key: string; effect: string }[];
      const others = taints.filter((t) => t.key !== UNREACHABLE);
      spec.taints = ready
        ? others
        : [
            ...others,
            { key: UNREACHABLE, effect: "NoSchedule", timeAdded: kubeNow() },
            { key: UNREACHABLE, effect: "NoExecute", timeAdded: kubeNow() },
          ];
      if ((spec.taints as unknown[]).length === 0) delete spec.taints;
    });
    this.store.mutate(
      "nodes",
      undefined,
      name,
      (n) => {
        const conds = setCondition(conditionsOf(n), readyCondition(ready));
        n.status = {
          ...n.status,
          conditions: conds.map((c) => ({ ...c, lastHeartbeatTime: c.lastHeartbeatTime ?? kubeNow() })),
        };
      },
      { subresource: "status" },
    );
  }

  private markPodNotReady(pod: KubeObject): void {
    try {
      this.store.mutate(
        "pods",
        pod.metadata.namespace,
        pod.metadata.name,
        (p) => {
          const conds = setCondition(conditionsOf(p), { type: "Ready", status: "False", lastProbeTime: null });
          p.status = { ...p.status, conditions: conds };
        },
        { subresource: "status" },
      );
    } catch (e) {
      if (!isStoreError(e)) throw e;
    }
  }

  /** Taint-based eviction: delete the node's pods; their ReplicaSets create replacements elsewhere. */
  private evict(name: string): void {
    for (const pod of this.podsOn(name)) {
      if (nodeNameOf(pod) !== name) continue;
      this.events.record(
        pod,
        { component: "taint-eviction-controller" },
        {
          type: "Normal",
          reason: "TaintManagerEviction",
          message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
        },
      );
      try {
        this.store.delete("pods", pod.metadata.namespace, pod.metadata.name);
      } catch (e) {
        if (!isStoreError(e)) throw e;
      }
    }
  }
}
