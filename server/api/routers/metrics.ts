// Charts from Prometheus: the browser names a range and an object; PromQL is built on the server only.
import { createTRPCRouter, roleProcedure } from "../trpc";
import {
  ZClusterCharts,
  ZClusterChartsRequest,
  ZDeploymentCharts,
  ZDeploymentChartsRequest,
  ZOverviewCharts,
  ZOverviewChartsRequest,
} from "../../validation/metrics";
import { getDeploymentCharts } from "../../services/metrics/get-deployment-charts";
import { getClusterCharts } from "../../services/metrics/get-cluster-charts";
import { getOverviewCharts } from "../../services/metrics/get-overview-charts";

export const metricsRouter = createTRPCRouter({
  deploymentCharts: roleProcedure("VIEWER")
    .input(ZDeploymentChartsRequest)
    .output(ZDeploymentCharts)
    .query(({ ctx, input }) => getDeploymentCharts({ ...ctx.svc, input })),
  clusterCharts: roleProcedure("VIEWER")
    .input(ZClusterChartsRequest)
    .output(ZClusterCharts)
    .query(({ ctx, input }) => getClusterCharts({ ...ctx.svc, input })),
  overview: roleProcedure("VIEWER")
    .input(ZOverviewChartsRequest)
    .output(ZOverviewCharts)
    .query(({ ctx, input }) => getOverviewCharts({ ...ctx.svc, input })),
});
