// Node objects for a cluster's node pools, and node loss: what the node lifecycle controller does when a
// kubelet stops posting status (Ready=Unknown, unreachable taints, then eviction of the node's pods).
import type { KubeObject, ObjectStore } from "../store/object-store";
import { isStoreError } from "../store/object-store";
import type { ClusterConfig, CloudConfig } from "./fleet-config";
import type { EventRecorder } from "./events";
import { GPU_PRODUCT_LABEL, GPU_RESOURCE, kubeNow, nodeNameOf, REGION_LABEL, setCondition, ZONE_LABEL, conditionsOf, type Condition } from "./k8s-objects";
import type { SimClock } from "./sim-clock";

const SOURCE = { component: "node-controller" };
/** Simulated seconds before a lost node's pods are evicted (a real cluster waits 40 s + the 300 s toleration). */
export const EVICTION_DELAY_MS = 10_000;
const UNREACHABLE = "node.kubernetes.io/unreachable";

export interface NodePlan {
  name: string;
  pool: string;
  gpuType: string;
  gpus: number;
  zone: string;
  index: number;
}

export function planNodes(cluster: ClusterConfig, cloud: CloudConfig): NodePlan[] {
  const out: NodePlan[] = [];
  let index = 0;
  for (const pool of cluster.nodePools) {
    for (let i = 0; i < pool.nodes; i++) {
      const zone = `${cloud.region}-${"abc"[i % 3]}`;
      out.push({ name: `${cluster.name}-${pool.name}-${i}`, pool: pool.name, gpuType: pool.gpuType, gpus: pool.gpusPerNode, zone, index: index++ });
    }
  }
  return out;
}

function readyCondition(ready: boolean): Condition {
  return ready
    ? { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }
    : { type: "Ready", status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." };
}

function nodeObject(plan: NodePlan, cloud: CloudConfig) {
  const now = kubeNow();
  const capacity = { cpu: "96", memory: "1056Gi", pods: "110", "ephemeral-storage": "1Ti", [GPU_RESOURCE]: String(plan.gpus) };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: plan.name,
      labels: {
        "kubernetes.io/hostname": plan.name,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "node.kubernetes.io/instance-type": plan.pool,
        [REGION_LABEL]: cloud.region,
        [ZONE_LABEL]: plan.zone,
        [GPU_PRODUCT_LABEL]: plan.gpuType,
        "nvidia.com/gpu.count": String(plan.gpus),
        "tern.dev/provider": cloud.provider.toLowerCase(),
      },
    },
    spec: { podCIDR: `10.244.${plan.index}.0/24`, providerID: `${cloud.provider.toLowerCase()}://${cloud.region}/${plan.name}` },
    status: {
      capacity,
      allocatable: { ...capacity, cpu: "95", memory: "1040Gi" },
      conditions: [
        { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available", lastHeartbeatTime: now, lastTransitionTime: now },
        { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure", lastHeartbeatTime: now, lastTransitionTime: now },
        { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available", lastHeartbeatTime: now, lastTransitionTime: now },
        { ...readyCondition(true), lastHeartbeatTime: now, lastTransitionTime: now },
      ],
      addresses: [
        { type: "InternalIP", address: `10.0.${plan.index}.10` },
        { type: "Hostname", address: plan.name },
      ],
      nodeInfo: {
        kubeletVersion: "v1.32.2",
        kubeProxyVersion: "v1.32.2",
        containerRuntimeVersion: "containerd://1.7.24",
        osImage: "Ubuntu 22.04.5 LTS",
        kernelVersion: "5.15.0-1063",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

/** Creates the cluster's nodes (idempotent: existing nodes are left alone). */
export function ensureNodes(store: ObjectStore, cluster: ClusterConfig, cloud: CloudConfig): NodePlan[] {
  const plans = planNodes(cluster, cloud);
  for (const p of plans) {
    if (!store.get("nodes", undefined, p.name)) store.create("nodes", nodeObject(p, cloud));
  }
  return plans;
}

export const isNodeReady = (node: KubeObject) => conditionsOf(node).find((c) => c.type === "Ready")?.status === "True";

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
    this.events.record(node, SOURCE, { type: "Normal", reason: "NodeNotReady", message: `Node ${name} status is now: NodeNotReady` });
    // Pods on an unreachable node stop being ready at once (the endpoints controller drops them).
    for (const pod of this.podsOn(name)) this.markPodNotReady(pod);
    this.lost.set(name, this.clock.after(EVICTION_DELAY_MS, () => this.evict(name)));
  }

  restoreNode(name: string): void {
    const cancel = this.lost.get(name);
    if (!cancel) return;
    cancel();
    this.lost.delete(name);
    this.setReady(name, true);
    const node = this.store.get("nodes", undefined, name);
    if (node) this.events.record(node, SOURCE, { type: "Normal", reason: "NodeReady", message: `Node ${name} status is now: NodeReady` });
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
      spec.taints = ready ? others : [...others, { key: UNREACHABLE, effect: "NoSchedule", timeAdded: kubeNow() }, { key: UNREACHABLE, effect: "NoExecute", timeAdded: kubeNow() }];
      if ((spec.taints as unknown[]).length === 0) delete spec.taints;
    });
    this.store.mutate(
      "nodes",
      undefined,
      name,
      (n) => {
        const conds = setCondition(conditionsOf(n), readyCondition(ready));
        n.status = { ...n.status, conditions: conds.map((c) => ({ ...c, lastHeartbeatTime: c.lastHeartbeatTime ?? kubeNow() })) };
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
      this.events.record(pod, { component: "taint-eviction-controller" }, {
        type: "Normal",
        reason: "TaintManagerEviction",
        message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
      });
      try {
        this.store.delete("pods", pod.metadata.namespace, pod.metadata.name);
      } catch (e) {
        if (!isStoreError(e)) throw e;
      }
    }
  }
}
