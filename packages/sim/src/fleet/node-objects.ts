// Node objects for a cluster's node pools, shaped like a cloud's GPU nodes: GPU product, region and zone
// labels, nvidia.com/gpu capacity, conditions and node info, so kubectl and the scheduler see real nodes.
import type { KubeObject, ObjectStore } from "../store/object-store";
import type { ClusterConfig, CloudConfig } from "./fleet-config";
import {
  conditionsOf,
  GPU_PRODUCT_LABEL,
  GPU_RESOURCE,
  kubeNow,
  REGION_LABEL,
  ZONE_LABEL,
  type Condition,
} from "./k8s-objects";

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
      out.push({
        name: `${cluster.name}-${pool.name}-${i}`,
        pool: pool.name,
        gpuType: pool.gpuType,
        gpus: pool.gpusPerNode,
        zone,
        index: index++,
      });
    }
  }
  return out;
}

export function readyCondition(ready: boolean): Condition {
  return ready
    ? { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }
    : {
        type: "Ready",
        status: "Unknown",
        reason: "NodeStatusUnknown",
        message: "Kubelet stopped posting node status.",
      };
}

function nodeObject(plan: NodePlan, cloud: CloudConfig) {
  const now = kubeNow();
  const capacity = {
    cpu: "96",
    memory: "1056Gi",
    pods: "110",
    "ephemeral-storage": "1Ti",
    [GPU_RESOURCE]: String(plan.gpus),
  };
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
    spec: {
      podCIDR: `10.244.${plan.index}.0/24`,
      providerID: `${cloud.provider.toLowerCase()}://${cloud.region}/${plan.name}`,
    },
    status: {
      capacity,
      allocatable: { ...capacity, cpu: "95", memory: "1040Gi" },
      conditions: [
        {
          type: "MemoryPressure",
          status: "False",
          reason: "KubeletHasSufficientMemory",
          message: "kubelet has sufficient memory available",
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: "DiskPressure",
          status: "False",
          reason: "KubeletHasNoDiskPressure",
          message: "kubelet has no disk pressure",
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: "PIDPressure",
          status: "False",
          reason: "KubeletHasSufficientPID",
          message: "kubelet has sufficient PID available",
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
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
