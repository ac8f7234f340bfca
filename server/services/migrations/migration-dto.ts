// The columns of a migration that pages show, and their mapping to the list DTO.
import type { Prisma } from "../../generated/prisma/client";
import { ZMigrationPlan, type MigrationListItem, type MigrationPlan } from "../../validation/migration";

export const migrationListSelect = {
  id: true,
  state: true,
  plan: true,
  planHash: true,
  requestedByEmail: true,
  requiredApprovals: true,
  createdAt: true,
  finishedAt: true,
  trigger: true,
  approvalBypass: true,
  bypassedByEmail: true,
  bypassReason: true,
  bypassedAt: true,
  approvals: { select: { decision: true, planHash: true, approverId: true, expiresAt: true } },
  steps: { select: { label: true, status: true, index: true }, orderBy: { index: "asc" } },
} satisfies Prisma.MigrationSelect;

export type MigrationListRow = Prisma.MigrationGetPayload<{ select: typeof migrationListSelect }>;

export function parsePlan(plan: unknown): MigrationPlan {
  return ZMigrationPlan.parse(plan);
}

/** Approvals that count: for the current plan, not expired, one per approver. */
export function countingApprovals(row: Pick<MigrationListRow, "approvals" | "planHash">, now = new Date()): number {
  const who = new Set(
    row.approvals
      .filter((a) => a.decision === "APPROVE" && a.planHash === row.planHash && a.expiresAt > now)
      .map((a) => a.approverId),
  );
  return who.size;
}

export function toMigrationListItem(row: MigrationListRow): MigrationListItem {
  const plan = parsePlan(row.plan);
  const current = row.steps.find((s) => s.status === "RUNNING") ?? row.steps.find((s) => s.status === "FAILED");
  return {
    id: row.id,
    state: row.state,
    modelName: plan.model.name,
    deploymentName: `${plan.source.namespace}/${plan.source.name}`,
    sourceClusterName: plan.source.clusterName,
    targetClusterName: plan.target.clusterName,
    requestedByEmail: row.requestedByEmail,
    approvals: countingApprovals(row),
    requiredApprovals: row.requiredApprovals,
    currentStep: current?.label ?? null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    trigger: row.trigger,
    bypass: row.approvalBypass
      ? { kind: row.approvalBypass, byEmail: row.bypassedByEmail, reason: row.bypassReason, at: row.bypassedAt }
      : null,
  };
}
