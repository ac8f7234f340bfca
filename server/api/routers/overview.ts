// The overview page's totals and the savings the optimizer found.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure } from "../trpc";
import { zRole } from "../../validation/common";
import { getOverview } from "../../services/overview/get-overview";
import { getSavingsSummary } from "../../services/recommendations/savings-summary";
import { ZSavingsSummary } from "../../validation/recommendations";

const ZSummary = z.object({
  clouds: z.number(),
  clusters: z.number(),
  models: z.number(),
  deployments: z.number(),
  unhealthyClusters: z.number(),
  gpuPrices: z.number(),
});

export const overviewRouter = createTRPCRouter({
  summary: roleProcedure("VIEWER")
    .output(ZSummary)
    .query(({ ctx }) => getOverview(ctx.svc)),
  // `tern status`: who the caller is, in which team, with which token scopes, and the inventory totals.
  status: roleProcedure("VIEWER")
    .meta(rest("GET", "/status", "Who you are, your team and role, and the team's totals"))
    .input(z.object({}).optional())
    .output(
      z.object({
        user: z.object({ name: z.string(), email: z.string() }),
        team: z.object({ name: z.string(), slug: z.string(), role: zRole }),
        token: z.object({ prefix: z.string(), scopes: z.array(z.string()) }).nullable(),
        counts: ZSummary,
      }),
    )
    .query(async ({ ctx }) => ({
      user: { name: ctx.user.name, email: ctx.user.email },
      team: { name: ctx.team.name, slug: ctx.team.slug, role: ctx.team.role },
      token: ctx.token ? { prefix: ctx.token.prefix, scopes: ctx.token.scopes } : null,
      counts: await getOverview(ctx.svc),
    })),
  /** The placement optimizer's savings; never waits for a solve (a missing figure says "computing"). */
  savings: roleProcedure("VIEWER")
    .output(ZSavingsSummary)
    .query(({ ctx }) => getSavingsSummary(ctx.svc)),
});
