// Mirrors what a cluster reports about Tern's deployments into the database (the status sync calls this).
import type { PrismaClient } from "../../generated/prisma/client";
import type { ObservedPhase } from "../../domain/values";
import { notifyDeploymentsChanged } from "./deployment-events";

export interface ObservedDeployment {
  deploymentId?: string;
  namespace: string;
  name: string;
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
  phase: ObservedPhase;
  conditions: { type: string; status: string; reason?: string; message?: string }[];
  pods: { name: string; phase: string; ready: boolean; restarts: number; reason?: string; node?: string }[];
  lastEvent?: { reason: string; message: string; type: string; at: string };
  autoscaler?: {
    currentReplicas: number;
    desiredReplicas: number;
    currentValue?: number;
    lastScaleTime?: string;
    conditions: { type: string; status: string; reason?: string; message?: string }[];
  };
}

const MAX_EVENTS = 20;

/** The HPA's mirror columns; all cleared when the cluster has no autoscaler for the deployment. */
function autoscalerColumns(a: ObservedDeployment["autoscaler"]) {
  return {
    autoscaleCurrentReplicas: a?.currentReplicas ?? null,
    autoscaleDesiredReplicas: a?.desiredReplicas ?? null,
    autoscaleCurrentValue: a?.currentValue ?? null,
    autoscaleLastScaleAt: a?.lastScaleTime ? new Date(a.lastScaleTime) : null,
    autoscaleConditions: a?.conditions ?? [],
  };
}

export async function recordDeploymentStatus(opts: {
  prisma: PrismaClient;
  clusterId: string;
  observed: ObservedDeployment;
}) {
  const o = opts.observed;
  const row = await opts.prisma.deployment.findFirst({
    where: {
      clusterId: opts.clusterId,
      ...(o.deploymentId ? { id: o.deploymentId } : { namespace: o.namespace, name: o.name }),
    },
    select: {
      id: true,
      teamId: true,
      replicas: true,
      specGeneration: true,
      appliedGeneration: true,
      deletionRequestedAt: true,
    },
  });
  if (!row) return null;
  // A replica count changed in the cluster (e.g. `kubectl scale`) while Tern has no change of its own in
  // flight is adopted as the new desired count, so Tern does not fight the operator.
  const settled = row.appliedGeneration >= row.specGeneration;
  const last = o.lastEvent;
  await opts.prisma.deployment.update({
    where: { id: row.id },
    data: {
      ...(settled && o.replicas !== row.replicas ? { replicas: o.replicas } : {}),
      phase: row.deletionRequestedAt ? "Terminating" : o.phase,
      readyReplicas: o.readyReplicas,
      availableReplicas: o.availableReplicas,
      updatedReplicas: o.updatedReplicas,
      conditions: o.conditions,
      pods: o.pods.map((p) => ({ ...p, reason: p.reason ?? null, node: p.node ?? null })),
      ...(last ? { lastEvent: `${last.reason}: ${last.message}` } : {}),
      ...autoscalerColumns(o.autoscaler),
      statusUpdatedAt: new Date(),
    },
  });
  notifyDeploymentsChanged({ teamId: row.teamId, deploymentId: row.id, reason: "status" });
  return row.id;
}

/** The cluster no longer has the deployment: done if Tern deleted it, else say it disappeared. */
export async function recordDeploymentGone(opts: {
  prisma: PrismaClient;
  clusterId: string;
  deploymentId?: string;
  namespace: string;
  name: string;
}) {
  const row = await opts.prisma.deployment.findFirst({
    where: {
      clusterId: opts.clusterId,
      ...(opts.deploymentId ? { id: opts.deploymentId } : { namespace: opts.namespace, name: opts.name }),
    },
    select: { id: true, teamId: true, deletionRequestedAt: true, appliedGeneration: true, specGeneration: true },
  });
  if (!row) return;
  if (row.deletionRequestedAt) {
    await opts.prisma.deployment.deleteMany({ where: { id: row.id } });
  } else if (row.appliedGeneration >= row.specGeneration) {
    await opts.prisma.deployment.update({
      where: { id: row.id },
      data: {
        phase: "Failed",
        readyReplicas: 0,
        availableReplicas: 0,
        pods: [],
        lastError:
          "the Deployment was deleted from the cluster outside Tern; delete it here too, or scale it to redeploy",
        statusUpdatedAt: new Date(),
      },
    });
  }
  notifyDeploymentsChanged({ teamId: row.teamId, deploymentId: row.id, reason: "status" });
}

/** Keeps the newest events of a deployment (newest first) for its page. */
export async function recordDeploymentEvent(opts: {
  prisma: PrismaClient;
  clusterId: string;
  deploymentId?: string;
  namespace: string;
  name: string;
  event: { reason: string; message: string; type: string; at: string };
}) {
  const row = await opts.prisma.deployment.findFirst({
    where: {
      clusterId: opts.clusterId,
      ...(opts.deploymentId ? { id: opts.deploymentId } : { namespace: opts.namespace, name: opts.name }),
    },
    select: { id: true, teamId: true, recentEvents: true },
  });
  if (!row) return;
  const previous = Array.isArray(row.recentEvents)
    ? (row.recentEvents as { reason: string; message: string; at: string }[])
    : [];
  const e = opts.event;
  const rest = previous.filter((p) => !(p.reason === e.reason && p.message === e.message));
  const events = [e, ...rest].sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_EVENTS);
  await opts.prisma.deployment.update({
    where: { id: row.id },
    data: { recentEvents: events, lastEvent: `${e.reason}: ${e.message}` },
  });
  notifyDeploymentsChanged({ teamId: row.teamId, deploymentId: row.id, reason: "status" });
}
