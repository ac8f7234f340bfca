// The overview page's totals.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { getOverview } from "../../services/overview/get-overview";

export const overviewRouter = createTRPCRouter({
  summary: roleProcedure("VIEWER")
    .output(
      z.object({
        clouds: z.number(),
        clusters: z.number(),
        models: z.number(),
        deployments: z.number(),
        unhealthyClusters: z.number(),
        gpuPrices: z.number(),
      }),
    )
    .query(({ ctx }) => getOverview(ctx.svc)),
});
