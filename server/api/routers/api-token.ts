// API tokens for scripts and pipelines: made, listed and revoked in the browser only (a token cannot make tokens).
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import {
  ZApiToken,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
  ZRevokeApiTokenRequest,
} from "../../validation/api-token";
import { createApiToken } from "../../services/api-tokens/create-api-token";
import { listApiTokens } from "../../services/api-tokens/list-api-tokens";
import { revokeApiToken } from "../../services/api-tokens/revoke-api-token";

const browserOnly = roleProcedure("VIEWER").meta({ tokens: false });

export const apiTokenRouter = createTRPCRouter({
  // The answer carries the token; the audit middleware records the input only, and the input has none.
  create: browserOnly
    .input(ZCreateApiTokenRequest)
    .output(ZCreatedApiToken)
    .mutation(({ ctx, input }) => createApiToken({ ...ctx.svc, role: ctx.team.role, input })),
  list: browserOnly.output(z.array(ZApiToken)).query(({ ctx }) => listApiTokens({ ...ctx.svc, role: ctx.team.role })),
  revoke: browserOnly
    .input(ZRevokeApiTokenRequest)
    .output(z.object({ id: z.string(), revokedAt: z.date() }))
    .mutation(({ ctx, input }) => revokeApiToken({ ...ctx.svc, role: ctx.team.role, id: input.id })),
});
