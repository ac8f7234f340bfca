// The kubelets of one cluster: start a PodRuntime for every pod bound to one of its nodes, stop it when the
// pod is deleted or its node is lost, and apply the crash-loop fault to running model servers.
import type { KubeObject } from "../store/object-store";
import { asArray, asObj, controllerOf, isTerminal, nodeNameOf, GPU_PRODUCT_LABEL } from "./k8s-objects";
import type { NodeLifecycle } from "./node-lifecycle";
import type { KubeletContext, NodeFacts } from "./kubelet-context";
import { PodRuntime } from "./pod-runtime";
import { startReconcileLoop, type ReconcileLoop } from "./reconcile-loop";

export class Kubelets {
  private readonly runtimes = new Map<string, PodRuntime>();
  private readonly nodes = new Map<string, NodeFacts & { index: number; nextIp: number }>();
  private readonly loop: ReconcileLoop;

  constructor(
    private readonly ctx: KubeletContext,
    private readonly lifecycle: NodeLifecycle,
  ) {
    ctx.store.list("nodes").items.forEach((n, index) => {
      const ip = asArray(n.status?.addresses)
        .map((a) => asObj(a))
        .find((a) => a?.type === "InternalIP")?.address;
      // Pod IPs come from the node's podCIDR (10.244.<n>.0/24), as the node IPAM controller assigns it.
      const cidr = typeof n.spec?.podCIDR === "string" ? /^10\.244\.(\d+)\./.exec(n.spec.podCIDR) : null;
      this.nodes.set(n.metadata.name, {
        name: n.metadata.name,
        gpuType: n.metadata.labels?.[GPU_PRODUCT_LABEL] ?? "",
        hostIP: typeof ip === "string" ? ip : `10.0.${index}.10`,
        images: new Set(),
        index: cidr ? Number(cidr[1]) : index,
        nextIp: 2,
      });
    });
    this.loop = startReconcileLoop({
      name: "kubelet",
      store: ctx.store,
      clock: ctx.clock,
      watch: ["pods"],
      resyncMs: 2_000,
      reconcile: () => this.reconcile(),
    });
  }

  /** Re-checks faults and node state now (the admin API calls this after changing either). */
  poke(): void {
    this.loop.poke();
  }

  stop(): void {
    this.loop.stop();
    for (const r of this.runtimes.values()) r.stop("node-lost");
    this.runtimes.clear();
  }

  private deploymentOf(pod: KubeObject): string | undefined {
    const rsRef = controllerOf(pod);
    if (rsRef?.kind !== "ReplicaSet") return undefined;
    const rs = this.ctx.store.get("replicasets", pod.metadata.namespace, rsRef.name);
    const dRef = rs && controllerOf(rs);
    return dRef?.kind === "Deployment" ? dRef.name : undefined;
  }

  private reconcile(): void {
    const live = new Set<string>();
    for (const pod of this.ctx.store.list("pods").items) {
      const nodeName = nodeNameOf(pod);
      const node = nodeName ? this.nodes.get(nodeName) : undefined;
      if (!node || isTerminal(pod) || pod.metadata.deletionTimestamp) continue;
      const existing = this.runtimes.get(pod.metadata.uid);
      if (this.lifecycle.isLost(node.name)) {
        // A lost node's kubelet is gone: its containers no longer serve or report.
        existing?.stop("node-lost");
        this.runtimes.delete(pod.metadata.uid);
        continue;
      }
      live.add(pod.metadata.uid);
      if (existing) {
        existing.crashIfFaulted();
        continue;
      }
      const podIP = `10.244.${node.index}.${2 + (node.nextIp++ % 250)}`;
      this.runtimes.set(pod.metadata.uid, new PodRuntime(this.ctx, pod, node, podIP, this.deploymentOf(pod)));
    }
    for (const [uid, r] of this.runtimes) {
      if (live.has(uid)) continue;
      r.stop("deleted");
      this.runtimes.delete(uid);
    }
  }
}
