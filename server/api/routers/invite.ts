// Invite links: what a link offers (public: the token is the secret) and accepting it (signed in).
import { z } from "zod";
import { createTRPCRouter, publicProcedure, signedInProcedure } from "../trpc";
import { zRole } from "../../validation/common";
import { ZInviteTokenRequest } from "../../validation/team";
import { acceptInvite, previewInvite } from "../../services/members/accept-invite";

export const inviteRouter = createTRPCRouter({
  preview: publicProcedure
    .input(ZInviteTokenRequest)
    .output(
      z.object({
        teamName: z.string(),
        role: zRole,
        email: z.string(),
        expiresAt: z.date(),
        status: z.enum(["pending", "expired", "accepted"]),
      }),
    )
    .query(({ ctx, input }) => previewInvite({ prisma: ctx.prisma, token: input.token })),
  accept: signedInProcedure
    .input(ZInviteTokenRequest)
    .output(z.object({ teamId: z.string(), teamName: z.string(), role: zRole }))
    .mutation(({ ctx, input }) =>
      acceptInvite({ prisma: ctx.prisma, user: ctx.user, token: input.token, requestId: ctx.requestId, ip: ctx.ip }),
    ),
});
