// Deployments: model versions running on clusters.
import { createTRPCRouter, roleProcedure } from "../trpc";
import { zPage } from "../../validation/common";
import { ZDeployment, ZListDeploymentsRequest } from "../../validation/deployment";
import { listDeployments } from "../../services/deployments/list-deployments";

export const deploymentRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .input(ZListDeploymentsRequest)
    .output(zPage(ZDeployment))
    .query(({ ctx, input }) => listDeployments({ ...ctx.svc, input })),
});
