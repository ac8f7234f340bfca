// Requests the same move again after a migration ended without success; it goes through approvals anew.
import { AppError, notFound } from "../../errors";
import type { TeamScope } from "../context";
import { parsePlan } from "./migration-dto";
import { requestMigration } from "./request-migration";

export async function retryMigration(opts: TeamScope & { email: string; id: string }) {
  const row = await opts.prisma.migration.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { state: true, plan: true, reason: true },
  });
  if (!row) throw notFound("the migration");
  if (!["ROLLED_BACK", "FAILED", "REJECTED", "EXPIRED", "CANCELLED"].includes(row.state)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `only a migration that ended without success can be retried (this one is ${row.state.toLowerCase().replace("_", " ")})`,
    );
  }
  const plan = parsePlan(row.plan);
  return requestMigration({
    ...opts,
    input: {
      deploymentId: plan.source.deploymentId,
      targetClusterId: plan.target.clusterId,
      targetGpuType: plan.target.gpuType,
      trafficSteps: plan.traffic.steps,
      analysisSeconds: plan.traffic.analysisSeconds,
      drainGraceSeconds: plan.drainGraceSeconds,
      minRequests: plan.traffic.minRequests,
      reason: row.reason ?? undefined,
    },
  });
}
