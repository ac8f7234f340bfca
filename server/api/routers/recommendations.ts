// Recommendations: the placement optimizer's advice for the team's fleet, and its moves turned into migration requests.
import { createTRPCRouter, roleProcedure } from "../trpc";
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
});
