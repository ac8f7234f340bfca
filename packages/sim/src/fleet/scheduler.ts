// kube-scheduler for one simulated cluster: binds pending pods to nodes by GPU requests and node affinity;
// a pod that fits nowhere stays Pending with PodScheduled=False/Unschedulable and a FailedScheduling event.
import type { KubeObject, ObjectStore } from "../store/object-store";
import type { EventRecorder } from "./events";
import { conditionsOf, isTerminal, nodeNameOf, podGpus, setCondition } from "./k8s-objects";
import { startReconcileLoop, type ReconcileLoop } from "./reconcile-loop";
import { allocatableGpus, fitFailure, pickNode, unschedulableMessage, type NodeState } from "./scheduling-fit";
import type { SimClock } from "./sim-clock";

const SOURCE = { component: "default-scheduler" };
/** Simulated ms between repeated FailedScheduling events for a pod whose message did not change (the scheduler's back-off cap). */
const REPORT_EVERY_MS = 10_000;

export class Scheduler {
  private readonly loop: ReconcileLoop;
  private readonly reported = new Map<string, { message: string; at: number }>();

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: SimClock,
  ) {
    this.loop = startReconcileLoop({
      name: "scheduler",
      store,
      clock,
      watch: ["pods", "nodes"],
      resyncMs: 2_000,
      reconcile: () => this.schedulePending(),
    });
  }

  stop(): void {
    this.loop.stop();
  }

  private nodeStates(pods: KubeObject[]): NodeState[] {
    const used = new Map<string, number>();
    for (const p of pods) {
      const n = nodeNameOf(p);
      if (n && !isTerminal(p)) used.set(n, (used.get(n) ?? 0) + podGpus(p));
    }
    return this.store.list("nodes").items.map((node) => ({
      node,
      allocatableGpus: allocatableGpus(node),
      usedGpus: used.get(node.metadata.name) ?? 0,
    }));
  }

  private schedulePending(): void {
    const pods = this.store.list("pods").items;
    const pending = pods
      .filter(
        (p) =>
          !nodeNameOf(p) &&
          !p.metadata.deletionTimestamp &&
          (p.spec?.schedulerName ?? "default-scheduler") === "default-scheduler",
      )
      .sort(
        (a, b) =>
          a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
    if (pending.length === 0) return;
    const nodes = this.nodeStates(pods);
    const live = new Set(pods.map((p) => p.metadata.uid));
    for (const uid of this.reported.keys()) if (!live.has(uid)) this.reported.delete(uid);
    for (const pod of pending) {
      const failures: string[] = [];
      const fitting = nodes.filter((n) => {
        const why = fitFailure(pod, n);
        if (why) failures.push(why);
        return !why;
      });
      const chosen = pickNode(pod, fitting);
      if (chosen) {
        chosen.usedGpus += podGpus(pod); // later pods in this pass see the capacity taken
        this.bind(pod, chosen.node.metadata.name);
      } else this.markUnschedulable(pod, unschedulableMessage(nodes.length, failures));
    }
  }

  private bind(pod: KubeObject, node: string): void {
    const { namespace, name } = pod.metadata;
    const bound = this.store.mutate("pods", namespace, name, (p) => {
      p.spec = { ...p.spec, nodeName: node };
    });
    this.store.mutate(
      "pods",
      namespace,
      name,
      (p) => {
        const conditions = setCondition(conditionsOf(p), { type: "PodScheduled", status: "True", lastProbeTime: null });
        p.status = { ...p.status, conditions };
      },
      { subresource: "status" },
    );
    this.reported.delete(pod.metadata.uid);
    this.events.record(bound, SOURCE, {
      type: "Normal",
      reason: "Scheduled",
      message: `Successfully assigned ${namespace}/${name} to ${node}`,
    });
  }

  private markUnschedulable(pod: KubeObject, message: string): void {
    const { namespace, name, uid } = pod.metadata;
    this.store.mutate(
      "pods",
      namespace,
      name,
      (p) => {
        const conditions = setCondition(conditionsOf(p), {
          type: "PodScheduled",
          status: "False",
          reason: "Unschedulable",
          message,
          lastProbeTime: null,
        });
        p.status = { ...p.status, phase: "Pending", conditions };
      },
      { subresource: "status" },
    );
    const last = this.reported.get(uid);
    const now = Date.now();
    if (last && last.message === message && now - last.at < this.clock.wall(REPORT_EVERY_MS)) return;
    this.reported.set(uid, { message, at: now });
    this.events.record(pod, SOURCE, { type: "Warning", reason: "FailedScheduling", message });
  }
}
