// Embed links: read-only, expiring links to one chart for wikis, and the wiki origins allowed to frame them.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { zPage } from "../../validation/common";
import {
  ZCreateEmbedRequest,
  ZCreatedEmbed,
  ZEmbedLink,
  ZEmbedOrigins,
  ZListEmbedsRequest,
  ZRevokeEmbedRequest,
  ZSetEmbedOriginsRequest,
} from "../../validation/embed";
import { createEmbedLink } from "../../services/embeds/create-embed-link";
import { listEmbedLinks } from "../../services/embeds/list-embed-links";
import { revokeEmbedLink } from "../../services/embeds/revoke-embed-link";
import { getEmbedOrigins } from "../../services/embeds/get-embed-origins";
import { setEmbedOrigins } from "../../services/embeds/set-embed-origins";

export const embedRouter = createTRPCRouter({
  // The answer carries the token; the audit middleware records the input only, and the input has none.
  create: roleProcedure("OPERATOR")
    .input(ZCreateEmbedRequest)
    .output(ZCreatedEmbed)
    .mutation(({ ctx, input }) => createEmbedLink({ ...ctx.svc, input })),
  list: roleProcedure("VIEWER")
    .input(ZListEmbedsRequest)
    .output(zPage(ZEmbedLink))
    .query(({ ctx, input }) => listEmbedLinks({ ...ctx.svc, input })),
  revoke: roleProcedure("OPERATOR")
    .input(ZRevokeEmbedRequest)
    .output(z.object({ id: z.string(), revokedAt: z.date() }))
    .mutation(({ ctx, input }) => revokeEmbedLink({ ...ctx.svc, id: input.id })),
  origins: roleProcedure("ADMIN")
    .output(ZEmbedOrigins)
    .query(({ ctx }) => getEmbedOrigins(ctx.svc)),
  setOrigins: roleProcedure("ADMIN")
    .input(ZSetEmbedOriginsRequest)
    .output(ZEmbedOrigins)
    .mutation(({ ctx, input }) => setEmbedOrigins({ ...ctx.svc, origins: input.origins })),
});
