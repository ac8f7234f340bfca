// The one place that decides a deployment's phase from its replica counts, pods and conditions.
import type { Condition } from "../driver";
import type { DeploymentPhase } from "./types";

/** Container states that will not fix themselves: the image or the model is wrong. */
export const FAILING_REASONS: ReadonlySet<string> = new Set([
  "CrashLoopBackOff",
  "ImagePullBackOff",
  "ErrImagePull",
  "InvalidImageName",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError",
]);

export interface PhaseInput {
  /** spec.replicas */
  desired: number;
  ready: number;
  updated: number;
  pods: { ready: boolean; reason?: string; unschedulable: boolean; node?: string }[];
  conditions: Condition[];
  /** The deployment was Ready since its spec last changed (same generation and replicas). */
  wasReady: boolean;
}

/**
 * Rules, first match wins:
 * 1. Failed — no pod is ready and a pod is stuck in a failing state (CrashLoopBackOff, ImagePullBackOff, …) or the
 *    rollout hit its progress deadline. With some pods still serving it is not Failed: rule 3 or 5 applies.
 * 2. Ready — ready == desired and updated == desired (so a scale to 0 that has finished is Ready).
 * 3. Degraded — it was Ready for the current spec and now 0 < ready < desired (pods lost, not a scale-up).
 * 4. Pending — a pod cannot be scheduled (no GPU capacity), or nothing is ready and no pod has a node yet.
 * 5. Progressing — everything else: pulling images, loading models, rolling out, scaling.
 */
export function derivePhase(input: PhaseInput): DeploymentPhase {
  const { desired, ready, updated, pods, conditions, wasReady } = input;
  const deadlineExceeded = conditions.some(
    (c) => c.type === "Progressing" && c.status === "False" && c.reason === "ProgressDeadlineExceeded",
  );
  const failing = pods.some((p) => !p.ready && p.reason !== undefined && FAILING_REASONS.has(p.reason));
  if (desired > 0 && ready === 0 && (failing || deadlineExceeded)) return "Failed";
  if (ready === desired && updated === desired) return "Ready";
  if (wasReady && ready > 0 && ready < desired) return "Degraded";
  if (pods.some((p) => p.unschedulable)) return "Pending";
  if (ready === 0 && pods.every((p) => p.node === undefined)) return "Pending";
  return "Progressing";
}
