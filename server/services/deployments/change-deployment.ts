// Scaling and deletion change the desired state and bump specGeneration; the reconciler carries them out.
import { AppError, notFound } from "../../errors";
import type { TeamScope } from "../context";
import { notifyDeploymentsChanged } from "./deployment-events";

export async function scaleDeployment(opts: TeamScope & { id: string; replicas: number }) {
  const d = await opts.prisma.deployment.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true, minReplicas: true, maxReplicas: true, deletionRequestedAt: true },
  });
  if (!d) throw notFound("deployment");
  if (d.deletionRequestedAt)
    throw new AppError("PRECONDITION_FAILED", "the deployment is being deleted; it can no longer be scaled");
  if (opts.replicas < d.minReplicas || opts.replicas > d.maxReplicas) {
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      `replicas must lie between the autoscaling bounds ${d.minReplicas} and ${d.maxReplicas}`,
      "replicas",
    );
  }
  await opts.prisma.deployment.update({
    where: { id: d.id },
    data: { replicas: opts.replicas, specGeneration: { increment: 1 }, lastError: null },
  });
  notifyDeploymentsChanged({ teamId: opts.teamId, deploymentId: d.id, reason: "spec" });
  return { id: d.id, replicas: opts.replicas };
}

export async function deleteDeployment(opts: TeamScope & { id: string }) {
  const res = await opts.prisma.deployment.updateMany({
    where: { id: opts.id, teamId: opts.teamId },
    data: { deletionRequestedAt: new Date(), specGeneration: { increment: 1 }, phase: "Terminating" },
  });
  if (res.count === 0) throw notFound("deployment");
  notifyDeploymentsChanged({ teamId: opts.teamId, deploymentId: opts.id, reason: "spec" });
  return { id: opts.id };
}
