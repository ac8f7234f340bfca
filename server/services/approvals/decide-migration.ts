// Approve or reject a migration's plan. Decisions bind to the plan hash the approver saw; the requester
// never decides; a second approval by the same person counts once; the row lock makes two approvals
// racing at the threshold move the migration to APPROVED exactly once.
import { AppError, notFound } from "../../errors";
import type { z } from "zod";
import type { ZDecideRequest, ZRejectRequest } from "../../validation/migration";
import { roleAtLeast } from "../../auth/roles";
import type { TeamScope } from "../context";
import { notifyMigrationsChanged } from "../migrations/migration-events";
import { notifyTeam } from "../notifications/notify-team";
import { loadApprovalPolicy } from "./approval-policy";
import { countedApprovers } from "./counted-approvers";
import { expirePendingMigrations } from "../migrations/runnable-migrations";

type Tx = Parameters<Parameters<TeamScope["prisma"]["$transaction"]>[0]>[0];

async function lockPending(tx: Tx, opts: TeamScope & { migrationId: string; planHash: string }) {
  await tx.$queryRaw`SELECT "id" FROM "Migration" WHERE "id" = ${opts.migrationId} AND "teamId" = ${opts.teamId} FOR UPDATE`;
  const m = await tx.migration.findFirst({
    where: { id: opts.migrationId, teamId: opts.teamId },
    select: {
      id: true,
      state: true,
      planHash: true,
      requestedById: true,
      requiredApprovals: true,
      expiresAt: true,
      plan: true,
    },
  });
  if (!m) throw notFound("the migration");
  if (m.state === "PENDING_APPROVAL" && m.expiresAt <= new Date()) throw EXPIRED;
  if (m.state !== "PENDING_APPROVAL")
    throw new AppError(
      "PRECONDITION_FAILED",
      `this migration is no longer waiting for approval (it is ${m.state.toLowerCase().replace("_", " ")})`,
    );
  if (m.planHash !== opts.planHash)
    throw new AppError("CONFLICT", "the plan changed since you opened it; reload the page and review the new plan");
  if (m.requestedById === opts.userId)
    throw new AppError("FORBIDDEN", "you requested this migration; another person must approve or reject it");
  return m;
}

const EXPIRED = new AppError(
  "PRECONDITION_FAILED",
  "this request expired before it was approved; the operator can request it again",
);

/** Runs the decision; an expired request is closed (outside the rolled-back transaction) and refused. */
async function deciding<T>(opts: TeamScope & { migrationId: string }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e === EXPIRED) await expirePendingMigrations({ prisma: opts.prisma });
    throw e;
  }
}

async function assertRole(opts: TeamScope) {
  const policy = await loadApprovalPolicy(opts);
  const me = await opts.prisma.membership.findUnique({
    where: { teamId_userId: { teamId: opts.teamId, userId: opts.userId } },
    select: { role: true },
  });
  if (!roleAtLeast(me?.role, policy.minRole))
    throw new AppError("FORBIDDEN", `deciding on migrations needs the ${policy.minRole} role in this team`);
  return policy;
}

export async function approveMigration(opts: TeamScope & { email: string; input: z.output<typeof ZDecideRequest> }) {
  const policy = await assertRole(opts);
  const result = await deciding({ ...opts, migrationId: opts.input.migrationId }, () =>
    opts.prisma.$transaction(async (tx) => {
      const m = await lockPending(tx, { ...opts, migrationId: opts.input.migrationId, planHash: opts.input.planHash });
      const existing = await tx.approval.findUnique({
        where: {
          migrationId_approverId_planHash: { migrationId: m.id, approverId: opts.userId, planHash: m.planHash },
        },
        select: { decision: true },
      });
      if (!existing) {
        await tx.approval.create({
          data: {
            teamId: opts.teamId,
            migrationId: m.id,
            approverId: opts.userId,
            approverEmail: opts.email,
            decision: "APPROVE",
            planHash: m.planHash,
            expiresAt: new Date(Date.now() + policy.approvalTtlHours * 3_600_000),
          },
        });
      }
      const { counted } = await countedApprovers({
        prisma: tx,
        teamId: opts.teamId,
        migration: m,
        minRole: policy.minRole,
      });
      const approved = counted.length >= m.requiredApprovals;
      if (approved) await tx.migration.update({ where: { id: m.id }, data: { state: "APPROVED" } });
      return {
        id: m.id,
        state: approved ? "APPROVED" : "PENDING_APPROVAL",
        approvals: counted.length,
        requiredApprovals: m.requiredApprovals,
      };
    }),
  );
  notifyMigrationsChanged({ teamId: opts.teamId, migrationId: result.id, reason: "state" });
  if (result.state === "APPROVED") {
    await notifyTeam({
      prisma: opts.prisma,
      teamId: opts.teamId,
      kind: "migration.approved",
      title: `Migration approved by ${opts.email}; Tern starts it now`,
      migrationId: result.id,
      minRole: "OPERATOR",
      link: `/migrations/${result.id}`,
    });
  }
  return result;
}

export async function rejectMigration(opts: TeamScope & { email: string; input: z.output<typeof ZRejectRequest> }) {
  await assertRole(opts);
  const result = await deciding({ ...opts, migrationId: opts.input.migrationId }, () =>
    opts.prisma.$transaction(async (tx) => {
      const m = await lockPending(tx, { ...opts, migrationId: opts.input.migrationId, planHash: opts.input.planHash });
      await tx.approval.upsert({
        where: {
          migrationId_approverId_planHash: { migrationId: m.id, approverId: opts.userId, planHash: m.planHash },
        },
        create: {
          teamId: opts.teamId,
          migrationId: m.id,
          approverId: opts.userId,
          approverEmail: opts.email,
          decision: "REJECT",
          planHash: m.planHash,
          reason: opts.input.reason,
          expiresAt: m.expiresAt,
        },
        update: { decision: "REJECT", reason: opts.input.reason },
      });
      await tx.migration.update({
        where: { id: m.id },
        data: {
          state: "REJECTED",
          activeDeploymentId: null,
          finishedAt: new Date(),
          outcome: `rejected by ${opts.email}: ${opts.input.reason}`,
        },
      });
      return { id: m.id, state: "REJECTED" };
    }),
  );
  notifyMigrationsChanged({ teamId: opts.teamId, migrationId: result.id, reason: "state" });
  await notifyTeam({
    prisma: opts.prisma,
    teamId: opts.teamId,
    kind: "migration.rejected",
    title: `Migration rejected by ${opts.email}: ${opts.input.reason}`,
    migrationId: result.id,
    minRole: "OPERATOR",
    link: `/migrations/${result.id}`,
  });
  return result;
}
