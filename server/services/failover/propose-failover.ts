// Turns failover candidates into migration requests through the same plan and approval flow as any migration:
// the optimizer picks the best feasible place with the failed cluster excluded (deployments on an unreachable
// cluster are solved together, so they do not all land on the same free GPUs), and the team's policy decides
// whether the request waits for approvers or starts at once (flagged, audited).
import { errorMessage } from "../../domain/error-message";
import { AppError } from "../../errors";
import type { PlacementProblem } from "../../optimizer/placement-problem";
import { solvePlacement } from "../../optimizer/solve-placement";
import { ZMigrationRequest } from "../../validation/migration";
import { loadApprovalPolicy } from "../approvals/approval-policy";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { PrometheusSettings } from "../metrics/resolve-prometheus";
import { requestMigration } from "../migrations/request-migration";
import { notifyTeam } from "../notifications/notify-team";
import { loadPlacementProblem } from "../recommendations/load-placement-problem";
import type { PrismaClient } from "../../generated/prisma/client";
import { findFailoverCandidates, type FailoverCandidate, type FailoverCause } from "./find-failover-candidates";

/** Who requests a failover: Tern itself (never a member, so any approver may decide on it). */
export const FAILOVER_REQUESTER = { userId: "tern:failover", email: "Tern failover" } as const;

export interface FailoverOutcome {
  deploymentId: string;
  cause: FailoverCause["kind"];
  migrationId: string | null;
  started: boolean;
  error: string | null;
}

export function describeCause(c: FailoverCause): string {
  return c.kind === "unreachable"
    ? `cluster ${c.clusterName} is unreachable`
    : `p95 ${Math.round(c.p95Ms)} ms over the last ${c.minutes} min is above the ${c.sloMs} ms SLO on ${c.clusterName}`;
}

export async function proposeFailovers(opts: {
  prisma: PrismaClient;
  teamId: string;
  prometheus: PrometheusSettings | null;
  now?: Date;
  graceMs?: number;
  timeLimitSeconds?: number;
}): Promise<FailoverOutcome[]> {
  const policy = await loadApprovalPolicy(opts);
  const candidates = await findFailoverCandidates({ ...opts, sloMinutes: policy.failoverSloMinutes });
  if (!candidates.length) return [];
  const scope = { prisma: opts.prisma, teamId: opts.teamId, userId: FAILOVER_REQUESTER.userId };
  const { problem } = await loadPlacementProblem(scope);
  const down = [...new Set(candidates.filter((c) => c.cause.kind === "unreachable").map((c) => c.cause.clusterId))];
  // One solve for everything on unreachable clusters, one per deployment over its SLO (its own cluster excluded).
  const groups: { members: FailoverCandidate[]; excluded: string[] }[] = [];
  const unreachable = candidates.filter((c) => c.cause.kind === "unreachable");
  if (unreachable.length) groups.push({ members: unreachable, excluded: down });
  for (const c of candidates.filter((x) => x.cause.kind === "slo"))
    groups.push({ members: [c], excluded: [...new Set([...down, c.cause.clusterId])] });

  const out: FailoverOutcome[] = [];
  for (const g of groups) out.push(...(await proposeGroup({ ...opts, scope, problem, group: g, policy })));
  return out;
}

async function proposeGroup(opts: {
  prisma: PrismaClient;
  teamId: string;
  scope: { prisma: PrismaClient; teamId: string; userId: string };
  problem: PlacementProblem;
  group: { members: FailoverCandidate[]; excluded: string[] };
  policy: Awaited<ReturnType<typeof loadApprovalPolicy>>;
  timeLimitSeconds?: number;
}): Promise<FailoverOutcome[]> {
  const ids = new Set(opts.group.members.map((m) => m.deploymentId));
  const byId = new Map(opts.group.members.map((m) => [m.deploymentId, m]));
  // Everything else stays where it is and keeps its GPUs: the free capacity already leaves them out.
  const sub: PlacementProblem = {
    ...opts.problem,
    deployments: opts.problem.deployments.filter((d) => ids.has(d.id)),
    options: {
      ...opts.problem.options,
      pins: [],
      excludedClusterIds: opts.group.excluded,
      // Availability first: a pool without latency history may take it; the migration's verify step still
      // checks the target's latency against the SLO before any traffic moves.
      allowUnknownLatency: true,
    },
  };
  const fail = async (message: string) => {
    for (const m of opts.group.members) {
      const title = `Failover for ${m.deploymentName} (${describeCause(m.cause)}): ${message}`;
      // The worker looks again every few seconds: say the same thing once an hour, not on every pass.
      const said = await opts.prisma.notification.count({
        where: {
          teamId: opts.teamId,
          kind: "failover.no-target",
          title: { startsWith: `Failover for ${m.deploymentName} (` },
          createdAt: { gt: new Date(Date.now() - 3_600_000) },
        },
      });
      if (said === 0)
        await notifyTeam({
          prisma: opts.prisma,
          teamId: opts.teamId,
          kind: "failover.no-target",
          title,
          minRole: "OPERATOR",
          link: "/recommendations",
        });
    }
    return opts.group.members.map((m) => ({
      deploymentId: m.deploymentId,
      cause: m.cause.kind,
      migrationId: null,
      started: false,
      error: message,
    }));
  };
  let plan;
  try {
    plan = await solvePlacement(sub, { timeLimitSeconds: opts.timeLimitSeconds ?? 5 });
  } catch (e) {
    return fail(`no plan: ${errorMessage(e)}`);
  }
  if (plan.status === "infeasible" || plan.status === "unsolved")
    return fail(
      plan.conflicts.length
        ? `no feasible alternative: ${plan.conflicts.map((c) => c.message).join("; ")}`
        : "no feasible alternative within the time limit",
    );

  const out: FailoverOutcome[] = [];
  for (const move of plan.moves) {
    const member = byId.get(move.deploymentId);
    if (!member) continue;
    const reason = `failover: ${describeCause(member.cause)}`;
    try {
      const input = ZMigrationRequest.parse({
        deploymentId: move.deploymentId,
        targetClusterId: move.to.clusterId,
        targetGpuType: move.to.gpuType,
        reason,
      });
      const started = opts.policy.failoverAutoStart;
      const r = await requestMigration({
        ...opts.scope,
        email: FAILOVER_REQUESTER.email,
        input,
        trigger: "FAILOVER",
        ...(started ? { startWithoutApproval: { reason } } : {}),
      });
      await recordAuditEvent({
        prisma: opts.prisma,
        teamId: opts.teamId,
        actorId: null,
        actorEmail: FAILOVER_REQUESTER.email,
        action: started ? "failover.autoStart" : "failover.propose",
        targetType: "Migration",
        targetId: r.id,
        outcome: "SUCCESS",
        requestId: `failover:${r.id}`,
        details: { deploymentId: move.deploymentId, targetClusterId: move.to.clusterId, reason, policy: "failover" },
      });
      out.push({ deploymentId: move.deploymentId, cause: member.cause.kind, migrationId: r.id, started, error: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push(...(await fail(e.message)).filter((o) => o.deploymentId === move.deploymentId));
    }
  }
  return out;
}
