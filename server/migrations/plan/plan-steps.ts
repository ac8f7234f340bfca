// The forward steps a plan executes, in order; rollback steps are appended when a rollback starts.
import type { MigrationStepKind } from "../../generated/prisma/enums";
import type { MigrationPlan } from "../../validation/migration";

export interface PlannedStep {
  kind: MigrationStepKind;
  label: string;
  params: Record<string, number | string>;
}

export function planSteps(plan: MigrationPlan): PlannedStep[] {
  const t = plan.target;
  const steps: PlannedStep[] = [];
  if (plan.model.targetArtifactUri !== plan.model.artifactUri) {
    steps.push({ kind: "COPY_ARTIFACT", label: `Copy the artifact to ${t.cloudName} and verify sha256`, params: {} });
  }
  steps.push(
    { kind: "DEPLOY_TARGET", label: `Deploy ${t.replicas} × ${t.gpuType} on ${t.clusterName}`, params: {} },
    {
      kind: "WAIT_READY",
      label: `Wait until the target is ready`,
      params: { timeoutSeconds: plan.verification.readyTimeoutSeconds },
    },
    { kind: "VERIFY", label: `Verify outputs (golden set) and latency`, params: {} },
  );
  for (const percent of plan.traffic.steps) {
    steps.push({
      kind: "SHIFT_TRAFFIC",
      label: `Shift ${percent} % of traffic to the target`,
      params: { percent, analysisSeconds: plan.traffic.analysisSeconds },
    });
  }
  steps.push(
    {
      kind: "DRAIN_SOURCE",
      label: `Drain and remove the source on ${plan.source.clusterName}`,
      params: { graceSeconds: plan.drainGraceSeconds },
    },
    { kind: "FINALIZE", label: `Finalize: the deployment now runs on ${t.clusterName}`, params: {} },
  );
  return steps;
}

export const ROLLBACK_STEPS: PlannedStep[] = [
  { kind: "ROLLBACK_TRAFFIC", label: "Roll back: all traffic to the source", params: {} },
  { kind: "REMOVE_TARGET", label: "Roll back: remove the target deployment", params: {} },
];
