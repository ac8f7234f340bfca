// The forward steps a plan executes, in order; rollback steps are appended when a rollback starts.
import type { MigrationStepKind } from "../../generated/prisma/enums";
import type { MigrationPlan } from "../../validation/migration";
import { migrationMessage } from "../../domain/migration-messages";

export interface PlannedStep {
  kind: MigrationStepKind;
  label: string;
  params: Record<string, number | string>;
}

export function planSteps(plan: MigrationPlan): PlannedStep[] {
  const t = plan.target;
  const steps: PlannedStep[] = [];
  if (plan.model.targetArtifactUri !== plan.model.artifactUri) {
    steps.push({ kind: "COPY_ARTIFACT", label: migrationMessage("stepCopy", { cloud: t.cloudName }), params: {} });
  }
  steps.push(
    {
      kind: "DEPLOY_TARGET",
      label: migrationMessage("stepDeploy", { replicas: t.replicas, gpuType: t.gpuType, cluster: t.clusterName }),
      params: {},
    },
    {
      kind: "WAIT_READY",
      label: migrationMessage("stepWaitReady"),
      params: { timeoutSeconds: plan.verification.readyTimeoutSeconds },
    },
    { kind: "VERIFY", label: migrationMessage("stepVerify"), params: {} },
  );
  for (const percent of plan.traffic.steps) {
    steps.push({
      kind: "SHIFT_TRAFFIC",
      label: migrationMessage("stepShift", { percent }),
      params: { percent, analysisSeconds: plan.traffic.analysisSeconds },
    });
  }
  steps.push(
    {
      kind: "DRAIN_SOURCE",
      label: migrationMessage("stepDrain", { cluster: plan.source.clusterName }),
      params: { graceSeconds: plan.drainGraceSeconds },
    },
    { kind: "FINALIZE", label: migrationMessage("stepFinalize", { cluster: t.clusterName }), params: {} },
  );
  return steps;
}

export const ROLLBACK_STEPS: PlannedStep[] = [
  { kind: "ROLLBACK_TRAFFIC", label: migrationMessage("stepRollbackTraffic"), params: {} },
  { kind: "REMOVE_TARGET", label: migrationMessage("stepRemoveTarget"), params: {} },
];
