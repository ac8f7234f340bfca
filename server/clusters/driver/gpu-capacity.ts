// GPU capacity per GPU type: what Ready, schedulable nodes offer and what running or pending pods already hold.
import type { GpuCapacity, NodeInfo, PodInfo } from "./types";

const UNKNOWN_GPU_TYPE = "unknown";

/** Pods that have finished no longer hold their GPUs; pods bound to a node do, even before they start. */
function holdsGpus(pod: Pick<PodInfo, "phase" | "node" | "gpus">): boolean {
  return pod.gpus > 0 && pod.node !== undefined && pod.phase !== "Succeeded" && pod.phase !== "Failed";
}

export function gpuCapacity(
  nodes: Iterable<NodeInfo>,
  pods: Iterable<Pick<PodInfo, "phase" | "node" | "gpus">>,
): GpuCapacity {
  const usable = new Map<string, string>();
  const result: GpuCapacity = {};
  for (const node of nodes) {
    if (node.gpuAllocatable <= 0 || !node.ready || node.unschedulable) continue;
    const type = node.gpuType ?? UNKNOWN_GPU_TYPE;
    usable.set(node.name, type);
    const entry = (result[type] ??= { allocatable: 0, allocated: 0 });
    entry.allocatable += node.gpuAllocatable;
  }
  for (const pod of pods) {
    if (!holdsGpus(pod)) continue;
    const type = usable.get(pod.node ?? "");
    const entry = type === undefined ? undefined : result[type];
    if (entry) entry.allocated += pod.gpus;
  }
  return result;
}
