// The overview page's totals and the savings the optimizer found.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { getOverview } from "../../services/overview/get-overview";
import { getSavingsSummary } from "../../services/recommendations/savings-summary";
import { ZSavingsSummary } from "../../validation/recommendations";

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
  /** The placement optimizer's savings; never waits for a solve (a missing figure says "computing"). */
  savings: roleProcedure("VIEWER")
    .output(ZSavingsSummary)
    .query(({ ctx }) => getSavingsSummary(ctx.svc)),
});
