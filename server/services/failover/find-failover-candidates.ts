// Which of a team's deployments need a failover: those on a cluster the status sync has found unreachable for a
// while, and those whose p95 over the policy's last N minutes is above their SLO. A deployment already being
// migrated, or proposed for failover recently (whatever became of that proposal), is left alone.
import type { PrismaClient } from "../../generated/prisma/client";
import { currentLatency } from "../metrics/current-latency";
import { loadChartDeployments } from "../metrics/load-cost-deployments";
import type { PrometheusSettings } from "../metrics/resolve-prometheus";

export type FailoverCause =
  | { kind: "unreachable"; clusterId: string; clusterName: string; since: Date | null }
  | { kind: "slo"; clusterId: string; clusterName: string; p95Ms: number; sloMs: number; minutes: number };

export interface FailoverCandidate {
  deploymentId: string;
  deploymentName: string;
  cause: FailoverCause;
}

/** A cluster must stay unreachable this long before its deployments are moved: a blip is not an outage. */
export const UNREACHABLE_GRACE_MS = 60_000;
/** After a failover proposal for a deployment, none again for this long (a rejected one is not re-proposed). */
export const PROPOSAL_COOLDOWN_MS = 60 * 60_000;

export async function findFailoverCandidates(opts: {
  prisma: PrismaClient;
  teamId: string;
  sloMinutes: number;
  prometheus: PrometheusSettings | null;
  now?: Date;
  graceMs?: number;
}): Promise<FailoverCandidate[]> {
  const now = opts.now ?? new Date();
  const graceMs = opts.graceMs ?? UNREACHABLE_GRACE_MS;
  const [busy, recent] = await Promise.all([
    opts.prisma.migration.findMany({
      where: { teamId: opts.teamId, activeDeploymentId: { not: null } },
      select: { activeDeploymentId: true },
    }),
    opts.prisma.migration.findMany({
      where: {
        teamId: opts.teamId,
        trigger: "FAILOVER",
        createdAt: { gt: new Date(now.getTime() - PROPOSAL_COOLDOWN_MS) },
      },
      select: { sourceDeploymentId: true },
    }),
  ]);
  const skip = new Set([
    ...busy.flatMap((m) => (m.activeDeploymentId ? [m.activeDeploymentId] : [])),
    ...recent.map((m) => m.sourceDeploymentId),
  ]);
  const out: FailoverCandidate[] = [];

  const down = await opts.prisma.cluster.findMany({
    where: {
      teamId: opts.teamId,
      health: "UNREACHABLE",
      OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - graceMs) } }],
    },
    select: { id: true, name: true, lastSeenAt: true },
  });
  if (down.length) {
    const onDown = await opts.prisma.deployment.findMany({
      where: { teamId: opts.teamId, clusterId: { in: down.map((c) => c.id) }, deletionRequestedAt: null },
      select: { id: true, name: true, clusterId: true },
      orderBy: { name: "asc" },
    });
    for (const d of onDown) {
      if (skip.has(d.id)) continue;
      const c = down.find((x) => x.id === d.clusterId)!;
      out.push({
        deploymentId: d.id,
        deploymentName: d.name,
        cause: { kind: "unreachable", clusterId: c.id, clusterName: c.name, since: c.lastSeenAt },
      });
      skip.add(d.id);
    }
  }

  if (!opts.prometheus) return out;
  const downIds = new Set(down.map((c) => c.id));
  const watched = (
    await loadChartDeployments({ ...opts, where: { deletionRequestedAt: null, latencySloMs: { gt: 0 } } })
  ).filter((d) => !skip.has(d.id) && !downIds.has(d.cluster.id));
  if (!watched.length) return out;
  const { items } = await currentLatency({
    deployments: watched,
    settings: opts.prometheus,
    window: `${opts.sloMinutes}m`,
    signal: AbortSignal.timeout(10_000),
  });
  for (const i of items) {
    const slo = i.deployment.latencySloMs;
    if (i.p95Ms === null || !(i.p95Ms > slo)) continue;
    out.push({
      deploymentId: i.deployment.id,
      deploymentName: i.deployment.name,
      cause: {
        kind: "slo",
        clusterId: i.deployment.cluster.id,
        clusterName: i.deployment.cluster.name,
        p95Ms: i.p95Ms,
        sloMs: slo,
        minutes: opts.sloMinutes,
      },
    });
  }
  return out;
}
