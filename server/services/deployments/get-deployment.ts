// One deployment with its mirrored cluster status: pods, conditions, recent events.
import { notFound } from "../../errors";
import type { DeploymentDetailDto } from "../../validation/deployment";
import type { TeamScope } from "../context";

const asArray = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export async function getDeployment(opts: TeamScope & { id: string }): Promise<DeploymentDetailDto> {
  const d = await opts.prisma.deployment.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: {
      id: true,
      namespace: true,
      name: true,
      replicas: true,
      readyReplicas: true,
      availableReplicas: true,
      updatedReplicas: true,
      gpusPerReplica: true,
      gpuType: true,
      minReplicas: true,
      maxReplicas: true,
      latencySloMs: true,
      phase: true,
      endpoint: true,
      createdAt: true,
      conditions: true,
      pods: true,
      recentEvents: true,
      lastEvent: true,
      lastError: true,
      specGeneration: true,
      appliedGeneration: true,
      deletionRequestedAt: true,
      statusUpdatedAt: true,
      autoscaleMetric: true,
      autoscaleTarget: true,
      autoscaleCurrentReplicas: true,
      autoscaleDesiredReplicas: true,
      autoscaleCurrentValue: true,
      autoscaleLastScaleAt: true,
      autoscaleConditions: true,
      cluster: { select: { id: true, name: true, region: true, health: true } },
      modelVersion: { select: { id: true, version: true, model: { select: { id: true, name: true } } } },
    },
  });
  if (!d) throw notFound("deployment");
  const {
    deletionRequestedAt,
    conditions,
    pods,
    recentEvents,
    autoscaleMetric,
    autoscaleTarget,
    autoscaleCurrentReplicas,
    autoscaleDesiredReplicas,
    autoscaleCurrentValue,
    autoscaleLastScaleAt,
    autoscaleConditions,
    ...rest
  } = d;
  return {
    ...rest,
    autoscaler: {
      metric: autoscaleMetric,
      target: autoscaleTarget,
      currentReplicas: autoscaleCurrentReplicas,
      desiredReplicas: autoscaleDesiredReplicas,
      currentValue: autoscaleCurrentValue,
      lastScaleAt: autoscaleLastScaleAt,
      conditions: asArray(autoscaleConditions),
    },
    deleting: deletionRequestedAt !== null,
    conditions: asArray(conditions),
    pods: asArray(pods),
    recentEvents: asArray(recentEvents),
  };
}
