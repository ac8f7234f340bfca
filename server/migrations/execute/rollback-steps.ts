// Rolling back: traffic returns to the source first, then the target deployment is removed.
import type { MigrationStepKind } from "../../generated/prisma/enums";
import { sourceRef, targetRef, type StepExecutor } from "./forward-steps";

const rollbackTraffic: StepExecutor = async (ctx) => {
  const backends = [{ ...sourceRef(ctx), weight: 100 }];
  const owned = [sourceRef(ctx), targetRef(ctx)];
  await ctx.ports.setTraffic({
    teamId: ctx.migration.teamId,
    modelName: ctx.migration.plan.model.name,
    backends,
    owned,
  });
  return { weights: [{ cluster: ctx.migration.plan.source.clusterName, weight: 100 }] };
};

const removeTarget: StepExecutor = async (ctx) => {
  const id = ctx.migration.targetDeploymentId;
  if (!id) return { removed: false, why: "no target deployment was created" };
  await ctx.store.removeTarget(ctx.migration.id, ctx.fencing, id);
  return { removed: true, deploymentId: id };
};

export const ROLLBACK: Partial<Record<MigrationStepKind, StepExecutor>> = {
  ROLLBACK_TRAFFIC: rollbackTraffic,
  REMOVE_TARGET: removeTarget,
};
