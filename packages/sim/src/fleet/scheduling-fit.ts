// The scheduler's filter plugins that matter for GPU pods: node readiness and taints, nodeSelector and
// required node affinity, and the nvidia.com/gpu extended resource. Pure functions over store objects.
import type { KubeObject } from "../store/object-store";
import { asArray, asObj, asString, GPU_RESOURCE, labelsOf, parseCount, podGpus, type Obj } from "./k8s-objects";
import { isNodeReady } from "./node-objects";

export interface NodeState {
  node: KubeObject;
  allocatableGpus: number;
  usedGpus: number;
}

/** The reasons a filter gives, worded as kube-scheduler words them in FailedScheduling messages. */
export const REASONS = {
  gpu: `Insufficient ${GPU_RESOURCE}`,
  affinity: "node(s) didn't match Pod's node affinity/selector",
  unschedulable: "node(s) were unschedulable",
  notReady: "node(s) had untolerated taint {node.kubernetes.io/not-ready: }",
} as const;

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

function tolerates(pod: KubeObject, t: Taint): boolean {
  return asArray(pod.spec?.tolerations).some((raw) => {
    const tol = asObj(raw) ?? {};
    if (tol.effect && tol.effect !== t.effect) return false;
    if (tol.operator === "Exists") return !tol.key || tol.key === t.key;
    return tol.key === t.key && (tol.value ?? "") === (t.value ?? "");
  });
}

function matchExpression(labels: Record<string, string>, e: Obj): boolean {
  const key = asString(e.key) ?? "";
  const values = asArray(e.values).map(String);
  const v = labels[key];
  switch (e.operator) {
    case "In":
      return v !== undefined && values.includes(v);
    case "NotIn":
      return v === undefined || !values.includes(v);
    case "Exists":
      return v !== undefined;
    case "DoesNotExist":
      return v === undefined;
    case "Gt":
      return v !== undefined && Number(v) > Number(values[0]);
    case "Lt":
      return v !== undefined && Number(v) < Number(values[0]);
    default:
      return false;
  }
}

/** nodeSelector (all must match) and requiredDuringScheduling node affinity (any term, all expressions). */
export function matchesNodeAffinity(pod: KubeObject, node: KubeObject): boolean {
  const labels = labelsOf(node);
  const selector = asObj(pod.spec?.nodeSelector) ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const required = asObj(
    asObj(asObj(pod.spec?.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution,
  );
  const terms = asArray(required?.nodeSelectorTerms);
  if (!required || terms.length === 0) return true;
  return terms.some((t) => {
    const term = asObj(t) ?? {};
    const exprs = asArray(term.matchExpressions);
    const fields = asArray(term.matchFields);
    if (exprs.length === 0 && fields.length === 0) return false; // an empty term matches nothing
    const fieldLabels = { "metadata.name": node.metadata.name };
    return (
      exprs.every((e) => matchExpression(labels, asObj(e) ?? {})) &&
      fields.every((e) => matchExpression(fieldLabels, asObj(e) ?? {}))
    );
  });
}

/** Why `pod` cannot go on `n`, or undefined when it fits. Order follows kube-scheduler's filter order. */
export function fitFailure(pod: KubeObject, n: NodeState): string | undefined {
  if (n.node.spec?.unschedulable === true) return REASONS.unschedulable;
  const taints = asArray(n.node.spec?.taints).map((t) => asObj(t) as unknown as Taint);
  const blocking = taints.find((t) => (t.effect === "NoSchedule" || t.effect === "NoExecute") && !tolerates(pod, t));
  if (blocking) return `node(s) had untolerated taint {${blocking.key}: ${blocking.value ?? ""}}`;
  if (!isNodeReady(n.node)) return REASONS.notReady;
  if (!matchesNodeAffinity(pod, n.node)) return REASONS.affinity;
  const need = podGpus(pod);
  if (need > 0 && n.usedGpus + need > n.allocatableGpus) return REASONS.gpu;
  return undefined;
}

export const allocatableGpus = (node: KubeObject) => parseCount(asObj(node.status?.allocatable)?.[GPU_RESOURCE]);

/** "0/3 nodes are available: 1 node(s) didn't match …, 2 Insufficient nvidia.com/gpu." — reasons sorted as the scheduler sorts them. */
export function unschedulableMessage(total: number, failures: string[]): string {
  if (total === 0) return "no nodes available to schedule pods";
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f, (counts.get(f) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
  return `0/${total} nodes are available: ${parts.join(", ")}.`;
}

/** LeastAllocated scoring (the default): the node left with the largest share of free GPUs wins; ties by name. */
export function pickNode(pod: KubeObject, nodes: NodeState[]): NodeState | undefined {
  const need = podGpus(pod);
  const score = (n: NodeState) =>
    n.allocatableGpus === 0 ? 1 : (n.allocatableGpus - n.usedGpus - need) / n.allocatableGpus;
  return [...nodes].sort((a, b) => score(b) - score(a) || a.node.metadata.name.localeCompare(b.node.metadata.name))[0];
}
