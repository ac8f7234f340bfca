// Records a new deployment as desired state; the reconciler worker applies it to the cluster.
import { AppError, fromPrismaError } from "../../errors";
import { defaultAutoscaleTarget, defaultTargetFor } from "../../validation/autoscale";
import type { CreateDeploymentRequest } from "../../validation/deployment";
import type { TeamScope } from "../context";
import { notifyDeploymentsChanged } from "./deployment-events";
import { preflightDeployment } from "./preflight-deployment";

export async function createDeployment(opts: TeamScope & { input: CreateDeploymentRequest }) {
  const { input } = opts;
  const preflight = await preflightDeployment(opts);
  const version = await opts.prisma.modelVersion.findFirst({
    where: { id: input.modelVersionId, teamId: opts.teamId },
    select: { runtimeImage: true },
  });
  const fallback = defaultAutoscaleTarget(version?.runtimeImage ?? "");
  // A target without a metric means the runtime's metric; a metric without a target gets that metric's default.
  const autoscaleMetric = input.autoscaleMetric ?? fallback.metric;
  const autoscaleTarget =
    input.autoscaleTarget ??
    (autoscaleMetric === fallback.metric ? fallback.target : defaultTargetFor(autoscaleMetric));
  if (!preflight.ok)
    throw new AppError("PRECONDITION_FAILED", `the deployment plan was refused: ${preflight.problems.join("; ")}`);
  try {
    const row = await opts.prisma.deployment.create({
      data: {
        teamId: opts.teamId,
        clusterId: input.clusterId,
        modelVersionId: input.modelVersionId,
        namespace: input.namespace,
        name: input.name,
        replicas: input.replicas,
        gpusPerReplica: input.gpusPerReplica,
        gpuType: input.gpuType,
        minReplicas: input.minReplicas,
        maxReplicas: input.maxReplicas,
        latencySloMs: input.latencySloMs,
        autoscaleMetric,
        autoscaleTarget,
        phase: "Pending",
      },
      select: { id: true, name: true },
    });
    notifyDeploymentsChanged({ teamId: opts.teamId, deploymentId: row.id, reason: "spec" });
    return { ...row, warnings: preflight.warnings };
  } catch (e) {
    throw (
      fromPrismaError(
        e,
        `a deployment '${input.namespace}/${input.name}' already exists on that cluster; pick another name or namespace`,
      ) ?? e
    );
  }
}
