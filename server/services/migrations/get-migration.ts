// One migration with its plan, steps, decisions and what the signed-in user may do with it now.
import { roleAtLeast } from "../../auth/roles";
import type { Role } from "../../generated/prisma/enums";
import { notFound } from "../../errors";
import type { MigrationDetail } from "../../validation/migration";
import { loadApprovalPolicy } from "../approvals/approval-policy";
import type { TeamScope } from "../context";
import { mayBreakGlass } from "./break-glass-migration";
import { migrationListSelect, parsePlan, toMigrationListItem } from "./migration-dto";

const ENDED = new Set(["SUCCEEDED", "ROLLED_BACK", "REJECTED", "EXPIRED", "CANCELLED", "FAILED"]);

export async function getMigration(opts: TeamScope & { role: Role; id: string }): Promise<MigrationDetail> {
  const [row, policy] = await Promise.all([
    opts.prisma.migration.findFirst({
      where: { id: opts.id, teamId: opts.teamId },
      select: {
        ...migrationListSelect,
        reason: true,
        outcome: true,
        sourceDeploymentId: true,
        targetDeploymentId: true,
        requestedById: true,
        expiresAt: true,
        startedAt: true,
        abortRequestedAt: true,
        evidence: true,
        approvals: {
          select: {
            decision: true,
            planHash: true,
            approverId: true,
            approverEmail: true,
            reason: true,
            createdAt: true,
            expiresAt: true,
          },
          orderBy: { createdAt: "asc" },
        },
        steps: {
          orderBy: { index: "asc" },
          select: {
            index: true,
            kind: true,
            label: true,
            status: true,
            attempts: true,
            message: true,
            evidence: true,
            startedAt: true,
            finishedAt: true,
          },
        },
      },
    }),
    loadApprovalPolicy(opts),
  ]);
  if (!row) throw notFound("the migration");
  const now = new Date();
  const pending = row.state === "PENDING_APPROVAL" && row.expiresAt > now;
  const mine = row.requestedById === opts.userId;
  const decided = row.approvals.some((a) => a.approverId === opts.userId && a.planHash === row.planHash);
  const mayDecide = roleAtLeast(opts.role, policy.minRole);
  const whyNot = !pending
    ? "this migration is not waiting for approval"
    : mine
      ? "you requested this migration; another person must approve it"
      : !mayDecide
        ? `approving needs the ${policy.minRole} role`
        : decided
          ? "you already decided on this plan"
          : null;
  const operator = roleAtLeast(opts.role, "OPERATOR");
  return {
    ...toMigrationListItem(row),
    plan: parsePlan(row.plan),
    planHash: row.planHash,
    reason: row.reason,
    outcome: row.outcome,
    sourceDeploymentId: row.sourceDeploymentId,
    targetDeploymentId: row.targetDeploymentId,
    expiresAt: row.expiresAt,
    startedAt: row.startedAt,
    abortRequested: row.abortRequestedAt !== null,
    steps: row.steps.map((s) => ({ ...s, evidence: asRecord(s.evidence) })),
    approvalsList: row.approvals.map((a) => ({
      approverEmail: a.approverEmail,
      decision: a.decision,
      reason: a.reason,
      createdAt: a.createdAt,
      current: a.planHash === row.planHash && a.expiresAt > now,
    })),
    evidence: asRecord(row.evidence),
    can: {
      approve: whyNot === null,
      reject: whyNot === null,
      abort: operator && !ENDED.has(row.state) && row.abortRequestedAt === null && row.state !== "ROLLING_BACK",
      retry: operator && ["ROLLED_BACK", "FAILED", "REJECTED", "EXPIRED", "CANCELLED"].includes(row.state),
      breakGlass: pending && policy.allowBreakGlass && mayBreakGlass(opts.role),
      whyNotApprove: whyNot,
    },
  };
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
