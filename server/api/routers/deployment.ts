// Deployments: model versions running on clusters; changes are desired state applied by a worker.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure } from "../trpc";
import { zId, zPage, zProvider } from "../../validation/common";
import {
  ZCreateDeploymentRequest,
  ZDeployment,
  ZDeploymentDetail,
  ZDeploymentLogs,
  ZDeploymentLogsRequest,
  ZDeploymentTarget,
  ZListDeploymentsRequest,
  ZPreflight,
  ZScaleDeploymentRequest,
} from "../../validation/deployment";
import { listDeployments } from "../../services/deployments/list-deployments";
import { getDeployment } from "../../services/deployments/get-deployment";
import { preflightDeployment } from "../../services/deployments/preflight-deployment";
import { createDeployment } from "../../services/deployments/create-deployment";
import { deleteDeployment, scaleDeployment } from "../../services/deployments/change-deployment";
import { deploymentOptions } from "../../services/deployments/deployment-options";
import { readDeploymentLogs } from "../../services/deployments/read-deployment-logs";

export const deploymentRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .meta(rest("GET", "/deployments", "List the team's deployments"))
    .input(ZListDeploymentsRequest)
    .output(zPage(ZDeployment))
    .query(({ ctx, input }) => listDeployments({ ...ctx.svc, input })),
  get: roleProcedure("VIEWER")
    .meta(rest("GET", "/deployments/{id}", "Get a deployment with its status"))
    .input(z.object({ id: zId }))
    .output(ZDeploymentDetail)
    .query(({ ctx, input }) => getDeployment({ ...ctx.svc, id: input.id })),
  logs: roleProcedure("VIEWER")
    .input(ZDeploymentLogsRequest)
    .output(ZDeploymentLogs)
    .query(({ ctx, input }) => readDeploymentLogs({ ...ctx.svc, input })),
  options: roleProcedure("VIEWER")
    .output(
      z.object({
        clusters: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            region: z.string(),
            provider: zProvider,
            health: z.string(),
            residencyTags: z.array(z.string()),
            gpuTypes: z.array(z.string()),
          }),
        ),
        versions: z.array(z.object({ id: z.string(), label: z.string(), format: z.string() })),
      }),
    )
    .query(({ ctx }) => deploymentOptions(ctx.svc)),
  preflight: roleProcedure("OPERATOR")
    .input(ZDeploymentTarget)
    .output(ZPreflight)
    .query(({ ctx, input }) => preflightDeployment({ ...ctx.svc, input })),
  create: roleProcedure("OPERATOR")
    .meta(rest("POST", "/deployments", "Deploy a model version on a cluster"))
    .input(ZCreateDeploymentRequest)
    .output(z.object({ id: z.string(), name: z.string(), warnings: z.array(z.string()) }))
    .mutation(({ ctx, input }) => createDeployment({ ...ctx.svc, input })),
  scale: roleProcedure("OPERATOR")
    .meta(rest("POST", "/deployments/{id}/scale", "Scale a deployment"))
    .input(ZScaleDeploymentRequest)
    .output(z.object({ id: z.string(), replicas: z.number() }))
    .mutation(({ ctx, input }) => scaleDeployment({ ...ctx.svc, id: input.id, replicas: input.replicas })),
  delete: roleProcedure("OPERATOR")
    .meta(rest("DELETE", "/deployments/{id}", "Remove a deployment"))
    .input(z.object({ id: zId }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteDeployment({ ...ctx.svc, id: input.id })),
});
