// Records a migration request with its immutable plan and planned steps; approvers are notified.
// One active migration per deployment: activeDeploymentId is unique while the migration is active.
import { AppError, fromPrismaError } from "../../errors";
import { planSteps } from "../../migrations/plan/plan-steps";
import type { MigrationTrigger } from "../../generated/prisma/enums";
import type { MigrationRequest } from "../../validation/migration";
import { loadApprovalPolicy } from "../approvals/approval-policy";
import type { TeamScope } from "../context";
import { notifyTeam } from "../notifications/notify-team";
import { notifyMigrationsChanged } from "./migration-events";
import { previewMigration } from "./preview-migration";

export interface RequestOrigin {
  trigger?: MigrationTrigger;
  /** Failover under a policy that starts it at once: approved on creation, flagged with this reason. */
  startWithoutApproval?: { reason: string };
}

export async function requestMigration(opts: TeamScope & { email: string; input: MigrationRequest } & RequestOrigin) {
  const [preview, policy] = await Promise.all([previewMigration(opts), loadApprovalPolicy(opts)]);
  if (!preview.ok)
    throw new AppError("PRECONDITION_FAILED", `the migration plan was refused: ${preview.problems.join("; ")}`);
  const { plan } = preview;
  const now = new Date();
  const bypass = opts.startWithoutApproval;
  let id: string;
  try {
    const row = await opts.prisma.migration.create({
      data: {
        teamId: opts.teamId,
        sourceDeploymentId: plan.source.deploymentId,
        activeDeploymentId: plan.source.deploymentId,
        targetClusterId: plan.target.clusterId,
        requestedById: opts.userId,
        requestedByEmail: opts.email,
        reason: opts.input.reason ?? null,
        plan,
        planHash: preview.planHash,
        requiredApprovals: preview.requiredApprovals,
        expiresAt: new Date(now.getTime() + policy.requestTtlHours * 3_600_000),
        trigger: opts.trigger ?? "MANUAL",
        ...(bypass
          ? { state: "APPROVED", approvalBypass: "FAILOVER_POLICY", bypassReason: bypass.reason, bypassedAt: now }
          : {}),
        steps: {
          create: planSteps(plan).map((s, index) => ({ index, kind: s.kind, label: s.label, params: s.params })),
        },
      },
      select: { id: true },
    });
    id = row.id;
  } catch (e) {
    throw (
      fromPrismaError(
        e,
        `deployment '${plan.source.name}' already has a migration in progress; finish or abort it first`,
      ) ?? e
    );
  }
  notifyMigrationsChanged({ teamId: opts.teamId, migrationId: id, reason: "state" });
  if (bypass) {
    await notifyTeam({
      prisma: opts.prisma,
      teamId: opts.teamId,
      kind: "migration.auto-started",
      title: `Failover started without approval (team policy): ${plan.model.name} from ${plan.source.clusterName} to ${plan.target.clusterName}: ${bypass.reason}`,
      migrationId: id,
      minRole: "VIEWER",
      link: `/migrations/${id}`,
    });
    return { id, planHash: preview.planHash, requiredApprovals: preview.requiredApprovals };
  }
  await notifyTeam({
    prisma: opts.prisma,
    teamId: opts.teamId,
    kind: "migration.requested",
    title: `${opts.email} asks to migrate ${plan.model.name} from ${plan.source.clusterName} to ${plan.target.clusterName} (${preview.requiredApprovals} approval${preview.requiredApprovals === 1 ? "" : "s"} needed)`,
    migrationId: id,
    minRole: policy.minRole,
    link: `/migrations/${id}`,
  });
  return { id, planHash: preview.planHash, requiredApprovals: preview.requiredApprovals };
}
