// The migration executor's store over Prisma. Every write is fenced: it names the lease token it was
// made under and matches no row once a newer holder has claimed the migration (LeaseLost).
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { MigrationPlan } from "../../validation/migration";
import type { RunMigration, RunStep, RunStore } from "../../migrations/execute/run-store";
import { LeaseLost, StepFailed } from "../../migrations/execute/step-errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { countedApprovers } from "../approvals/counted-approvers";
import { loadApprovalPolicy } from "../approvals/approval-policy";
import { notifyDeploymentsChanged } from "../deployments/deployment-events";
import { notifyTeam } from "../notifications/notify-team";
import { notifyMigrationsChanged } from "./migration-events";
import { parsePlan } from "./migration-dto";
import { migrationMessage } from "../../domain/migration-messages";
import { defaultAutoscaleTarget } from "../../validation/autoscale";

type Tx = Prisma.TransactionClient;
const json = (v: Record<string, unknown>) => v as Prisma.InputJsonObject;

async function fence(
  db: Tx | PrismaClient,
  id: string,
  fencing: number,
  data: Prisma.MigrationUpdateManyMutationInput = {},
) {
  const r = await db.migration.updateMany({ where: { id, fencing }, data: { ...data, updatedAt: new Date() } });
  if (r.count !== 1) throw new LeaseLost();
}

const STEP_SELECT = {
  index: true,
  kind: true,
  label: true,
  status: true,
  params: true,
  attempts: true,
  startedAt: true,
  evidence: true,
} satisfies Prisma.MigrationStepSelect;

const asObject = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function toRunStep(s: Prisma.MigrationStepGetPayload<{ select: typeof STEP_SELECT }>): RunStep {
  const { evidence, params, ...rest } = s;
  return { ...rest, params: asObject(params), progress: s.status === "RUNNING" ? asObject(evidence) : {} };
}

export function createMigrationRunStore(prisma: PrismaClient): RunStore {
  const changed = async (id: string, reason: "state" | "step" = "step") => {
    const m = await prisma.migration.findUnique({ where: { id }, select: { teamId: true } });
    if (m) notifyMigrationsChanged({ teamId: m.teamId, migrationId: id, reason });
  };

  return {
    async load(id) {
      const row = await prisma.migration.findUnique({
        where: { id },
        select: {
          id: true,
          teamId: true,
          state: true,
          plan: true,
          planHash: true,
          requestedById: true,
          requestedByEmail: true,
          requiredApprovals: true,
          sourceDeploymentId: true,
          targetDeploymentId: true,
          abortRequestedAt: true,
          abortRequestedBy: true,
          outcome: true,
          steps: { orderBy: { index: "asc" }, select: STEP_SELECT },
        },
      });
      if (!row) return null;
      const { steps, plan, ...m } = row;
      const migration: RunMigration = { ...m, plan: parsePlan(plan) };
      return { migration, steps: steps.map(toRunStep) };
    },

    async claim(id, fencing) {
      const r = await prisma.migration.updateMany({ where: { id, fencing: { lte: fencing } }, data: { fencing } });
      if (r.count !== 1) throw new LeaseLost();
    },

    async approvalsHold(m) {
      const policy = await loadApprovalPolicy({ prisma, teamId: m.teamId });
      const { counted, dropped } = await countedApprovers({
        prisma,
        teamId: m.teamId,
        migration: m,
        minRole: policy.minRole,
      });
      if (counted.length >= m.requiredApprovals) return { ok: true, message: "" };
      return {
        ok: false,
        message: `back to waiting for approval: ${counted.length} of ${m.requiredApprovals} approvals still count (${dropped.map((d) => `${d.email} ${d.why}`).join("; ")})`,
      };
    },

    async setState(id, fencing, to) {
      await fence(prisma, id, fencing, {
        state: to.state,
        ...(to.outcome !== undefined ? { outcome: to.outcome } : {}),
        ...(to.started ? { startedAt: new Date() } : {}),
        ...(to.finished ? { finishedAt: new Date(), activeDeploymentId: null } : {}),
        ...(to.evidence ? { evidence: json(to.evidence) } : {}),
      });
      await changed(id, "state");
    },

    async stepStarted(id, fencing, index) {
      const step = await prisma.$transaction(async (tx) => {
        await fence(tx, id, fencing);
        const s = await tx.migrationStep.findUniqueOrThrow({
          where: { migrationId_index: { migrationId: id, index } },
          select: { startedAt: true },
        });
        return tx.migrationStep.update({
          where: { migrationId_index: { migrationId: id, index } },
          data: {
            status: "RUNNING",
            attempts: { increment: 1 },
            message: null,
            finishedAt: null,
            ...(s.startedAt ? {} : { startedAt: new Date() }),
          },
          select: STEP_SELECT,
        });
      });
      await changed(id);
      return toRunStep(step);
    },

    async stepNote(id, fencing, index, message) {
      const r = await prisma.migrationStep.updateMany({
        where: { migrationId: id, index, migration: { fencing } },
        data: { message },
      });
      if (r.count !== 1) throw new LeaseLost();
      await changed(id);
    },

    async stepProgress(id, fencing, index, progress) {
      const r = await prisma.migrationStep.updateMany({
        where: { migrationId: id, index, status: "RUNNING", migration: { fencing } },
        data: { evidence: json(progress) },
      });
      if (r.count !== 1) throw new LeaseLost();
      await changed(id);
    },

    async stepFinished(id, fencing, index, status, message, evidence) {
      const r = await prisma.migrationStep.updateMany({
        where: { migrationId: id, index, migration: { fencing } },
        data: { status, message, evidence: json(evidence), finishedAt: new Date() },
      });
      if (r.count !== 1) throw new LeaseLost();
      await changed(id);
    },

    async appendSteps(id, fencing, steps) {
      await prisma.$transaction(async (tx) => {
        await fence(tx, id, fencing);
        const last = await tx.migrationStep.aggregate({ where: { migrationId: id }, _max: { index: true } });
        const start = (last._max.index ?? -1) + 1;
        await tx.migrationStep.createMany({
          data: steps.map((s, i) => ({
            migrationId: id,
            index: start + i,
            kind: s.kind,
            label: s.label,
            params: s.params,
          })),
        });
      });
      await changed(id);
    },

    async abortState(id) {
      const m = await prisma.migration.findUnique({
        where: { id },
        select: { abortRequestedAt: true, abortRequestedBy: true },
      });
      return { requested: Boolean(m?.abortRequestedAt), by: m?.abortRequestedBy ?? null };
    },

    async goldenSet(versionId) {
      return (
        (await prisma.modelVersion.findUnique({ where: { id: versionId }, select: { goldenSet: true } }))?.goldenSet ??
        []
      );
    },

    async createTarget(id, fencing, plan: MigrationPlan) {
      const t = plan.target;
      const created = await prisma.$transaction(async (tx) => {
        await fence(tx, id, fencing); // also locks the row: one creation at a time
        const m = await tx.migration.findUniqueOrThrow({
          where: { id },
          select: { teamId: true, targetDeploymentId: true },
        });
        if (m.targetDeploymentId) return { id: m.targetDeploymentId, teamId: m.teamId, fresh: false };
        const clash = await tx.deployment.findUnique({
          where: { clusterId_namespace_name: { clusterId: t.clusterId, namespace: t.namespace, name: t.name } },
          select: { id: true },
        });
        if (clash)
          throw new StepFailed(
            migrationMessage("targetExists", { name: `${t.namespace}/${t.name}`, cluster: t.clusterName }),
          );
        // The target scales like the source: the plan's bounds (widened only to hold the planned replicas) and the
        // source's metric and target per replica, which the reconciler applies as the target's HPA.
        const scaling = (await tx.deployment.findUnique({
          where: { id: plan.source.deploymentId },
          select: { autoscaleMetric: true, autoscaleTarget: true },
        })) ?? {
          autoscaleMetric: defaultAutoscaleTarget(plan.model.runtimeImage).metric,
          autoscaleTarget: defaultAutoscaleTarget(plan.model.runtimeImage).target,
        };
        const d = await tx.deployment.create({
          data: {
            teamId: m.teamId,
            clusterId: t.clusterId,
            modelVersionId: plan.model.versionId,
            namespace: t.namespace,
            name: t.name,
            replicas: t.replicas,
            gpusPerReplica: t.gpusPerReplica,
            gpuType: t.gpuType,
            minReplicas: Math.min(plan.source.minReplicas, t.replicas),
            maxReplicas: Math.max(plan.source.maxReplicas, t.replicas),
            latencySloMs: plan.source.latencySloMs,
            autoscaleMetric: scaling.autoscaleMetric,
            autoscaleTarget: scaling.autoscaleTarget,
            artifactUri: plan.model.targetArtifactUri !== plan.model.artifactUri ? plan.model.targetArtifactUri : null,
            phase: "Pending",
          },
          select: { id: true },
        });
        await tx.migration.update({ where: { id }, data: { targetDeploymentId: d.id } });
        return { id: d.id, teamId: m.teamId, fresh: true };
      });
      if (created.fresh) notifyDeploymentsChanged({ teamId: created.teamId, deploymentId: created.id, reason: "spec" });
      return created.id;
    },

    async targetStatus(deploymentId) {
      const d = await prisma.deployment.findUnique({
        where: { id: deploymentId },
        select: { phase: true, replicas: true, readyReplicas: true, lastEvent: true, lastError: true },
      });
      return d
        ? { exists: true, ...d }
        : { exists: false, phase: "Gone", replicas: 0, readyReplicas: 0, lastEvent: null, lastError: null };
    },

    async drainSource(id, fencing, plan, targetDeploymentId) {
      const r = await prisma.$transaction(async (tx) => {
        await fence(tx, id, fencing);
        // Links to the source move with the model, so removing the source does not delete them.
        const links = await tx.embedLink.updateMany({
          where: { deploymentId: plan.source.deploymentId },
          data: { deploymentId: targetDeploymentId },
        });
        await tx.deployment.updateMany({
          where: { id: plan.source.deploymentId, deletionRequestedAt: null },
          data: { deletionRequestedAt: new Date(), specGeneration: { increment: 1 }, phase: "Terminating" },
        });
        const m = await tx.migration.findUniqueOrThrow({ where: { id }, select: { teamId: true } });
        return { embedLinksMoved: links.count, teamId: m.teamId };
      });
      notifyDeploymentsChanged({ teamId: r.teamId, deploymentId: plan.source.deploymentId, reason: "spec" });
      return { embedLinksMoved: r.embedLinksMoved };
    },

    async removeTarget(id, fencing, targetDeploymentId) {
      const teamId = await prisma.$transaction(async (tx) => {
        await fence(tx, id, fencing);
        await tx.deployment.updateMany({
          where: { id: targetDeploymentId, deletionRequestedAt: null },
          data: { deletionRequestedAt: new Date(), specGeneration: { increment: 1 }, phase: "Terminating" },
        });
        return (await tx.migration.findUniqueOrThrow({ where: { id }, select: { teamId: true } })).teamId;
      });
      notifyDeploymentsChanged({ teamId, deploymentId: targetDeploymentId, reason: "spec" });
    },

    async finish(id, fencing, to) {
      const m = await prisma.$transaction(async (tx) => {
        await fence(tx, id, fencing, {
          state: to.state,
          outcome: to.outcome,
          finishedAt: new Date(),
          activeDeploymentId: null,
        });
        const row = await tx.migration.findUniqueOrThrow({
          where: { id },
          select: {
            teamId: true,
            planHash: true,
            plan: true,
            requestedById: true,
            requestedByEmail: true,
            approvals: { select: { approverEmail: true, decision: true, planHash: true } },
            steps: {
              orderBy: { index: "asc" },
              select: {
                kind: true,
                label: true,
                status: true,
                message: true,
                evidence: true,
                startedAt: true,
                finishedAt: true,
              },
            },
          },
        });
        const plan = parsePlan(row.plan);
        const evidence = {
          ...to.evidence,
          requester: row.requestedByEmail,
          approvers: row.approvals
            .filter((a) => a.decision === "APPROVE" && a.planHash === row.planHash)
            .map((a) => a.approverEmail),
          planHash: row.planHash,
          artifactSha256: plan.model.sha256,
          costDeltaPerMonth: plan.cost.deltaPerMonth,
          currency: plan.cost.currency,
          steps: row.steps.map((s) => ({
            kind: s.kind,
            status: s.status,
            message: s.message,
            evidence: s.evidence,
            startedAt: s.startedAt,
            finishedAt: s.finishedAt,
          })),
          outcome: to.outcome,
        };
        await tx.migration.update({ where: { id }, data: { evidence: json({ ...to.evidence, outcome: to.outcome }) } });
        // The audit row is part of the same transaction: no outcome without its record.
        await recordAuditEvent({
          prisma: tx,
          teamId: row.teamId,
          actorId: row.requestedById,
          actorEmail: "tern-migration-worker",
          action: `migration.${to.state.toLowerCase()}`,
          targetType: "Migration",
          targetId: id,
          outcome: to.state === "SUCCEEDED" ? "SUCCESS" : "FAILED",
          requestId: `migration-${id}`,
          details: evidence,
        });
        return { teamId: row.teamId, plan };
      });
      notifyMigrationsChanged({ teamId: m.teamId, migrationId: id, reason: "state" });
      const verb = to.state === "SUCCEEDED" ? "finished" : to.state === "ROLLED_BACK" ? "rolled back" : "failed";
      await notifyTeam({
        prisma,
        teamId: m.teamId,
        kind: `migration.${to.state.toLowerCase()}`,
        title: `Migration of ${m.plan.model.name} to ${m.plan.target.clusterName} ${verb}: ${to.outcome}`,
        migrationId: id,
        link: `/migrations/${id}`,
      });
    },
  };
}
