// Recommendations: the placement optimizer's advice for the team's fleet, its moves turned into migration requests,
// and the failover migrations Tern proposed.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { ZMigrationListItem } from "../../validation/migration";
import { listFailoverProposals } from "../../services/failover/list-failover-proposals";
import {
  ZRecommendationsPlan,
  ZRequestMovesRequest,
  ZRequestMovesResponse,
  ZSolveRecommendationsRequest,
} from "../../validation/recommendations";
import { solveRecommendations } from "../../services/recommendations/solve-recommendations";
import { requestRecommendedMoves } from "../../services/recommendations/request-recommended-moves";

export const recommendationsRouter = createTRPCRouter({
  solve: roleProcedure("VIEWER")
    .input(ZSolveRecommendationsRequest)
    .output(ZRecommendationsPlan)
    .query(({ ctx, input }) => solveRecommendations({ ...ctx.svc, input })),
  requestMoves: roleProcedure("OPERATOR")
    .input(ZRequestMovesRequest)
    .output(ZRequestMovesResponse)
    .mutation(({ ctx, input }) => requestRecommendedMoves({ ...ctx.svc, email: ctx.user.email, input })),
  /** Migrations Tern proposed (or started, where the policy allows) off an unreachable cluster or a breached SLO. */
  failoverProposals: roleProcedure("VIEWER")
    .output(z.object({ items: z.array(ZMigrationListItem) }))
    .query(({ ctx }) => listFailoverProposals(ctx.svc)),
});
