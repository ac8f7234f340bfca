// The executor's persistence, as an interface: every write carries the lease's fencing token and is
// refused (LeaseLost) when a newer holder has claimed the migration. Implemented over Prisma in services.
import type { MigrationPlan } from "../../validation/migration";
import type { PlannedStep } from "../plan/plan-steps";
import type { MigrationStepKind, MigrationState, StepStatus } from "../../generated/prisma/enums";

export interface RunMigration {
  id: string;
  teamId: string;
  state: MigrationState;
  plan: MigrationPlan;
  planHash: string;
  requestedById: string;
  requestedByEmail: string;
  requiredApprovals: number;
  sourceDeploymentId: string;
  targetDeploymentId: string | null;
  abortRequestedAt: Date | null;
  abortRequestedBy: string | null;
  outcome: string | null;
}

export interface RunStep {
  index: number;
  kind: MigrationStepKind;
  label: string;
  status: StepStatus;
  params: Record<string, unknown>;
  attempts: number;
  startedAt: Date | null;
  /** What the step recorded while running (stepProgress), so a resumed step knows what its last holder did. */
  progress: Record<string, unknown>;
}

export interface TargetStatus {
  exists: boolean;
  phase: string;
  replicas: number;
  readyReplicas: number;
  lastEvent: string | null;
  lastError: string | null;
}

export interface RunStore {
  load(id: string): Promise<{ migration: RunMigration; steps: RunStep[] } | null>;
  /** Takes the migration for this fencing token; LeaseLost when a newer token already has it. */
  claim(id: string, fencing: number): Promise<void>;
  /** Approvals that count now (roles re-checked); false puts the migration back to waiting. */
  approvalsHold(m: RunMigration): Promise<{ ok: boolean; message: string }>;
  setState(
    id: string,
    fencing: number,
    to: {
      state: MigrationState;
      outcome?: string | null;
      started?: boolean;
      finished?: boolean;
      evidence?: Record<string, unknown>;
    },
  ): Promise<void>;
  stepStarted(id: string, fencing: number, index: number): Promise<RunStep>;
  stepNote(id: string, fencing: number, index: number, message: string): Promise<void>;
  /** Records a running step's progress (kept as its evidence until it finishes). */
  stepProgress(id: string, fencing: number, index: number, progress: Record<string, unknown>): Promise<void>;
  stepFinished(
    id: string,
    fencing: number,
    index: number,
    status: StepStatus,
    message: string | null,
    evidence: Record<string, unknown>,
  ): Promise<void>;
  appendSteps(id: string, fencing: number, steps: PlannedStep[]): Promise<void>;
  abortState(id: string): Promise<{ requested: boolean; by: string | null }>;
  goldenSet(versionId: string): Promise<unknown>;
  createTarget(id: string, fencing: number, plan: MigrationPlan): Promise<string>;
  targetStatus(deploymentId: string): Promise<TargetStatus>;
  /** Moves embed links to the target and asks the reconciler to remove the source (desired state). */
  drainSource(
    id: string,
    fencing: number,
    plan: MigrationPlan,
    targetDeploymentId: string,
  ): Promise<{ embedLinksMoved: number }>;
  removeTarget(id: string, fencing: number, targetDeploymentId: string): Promise<void>;
  /** Records the outcome with its evidence in the audit log, in the same transaction as the state. */
  finish(
    id: string,
    fencing: number,
    to: { state: "SUCCEEDED" | "ROLLED_BACK" | "FAILED"; outcome: string; evidence: Record<string, unknown> },
  ): Promise<void>;
}
