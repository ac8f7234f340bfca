// Teams and membership: who belongs, with which role; invites.
import { z } from "zod";
import { createTRPCRouter, roleProcedure, signedInProcedure } from "../trpc";
import { zRole } from "../../validation/common";
import {
  ZCreateTeamRequest,
  ZInviteMemberRequest,
  ZRemoveMemberRequest,
  ZRevokeInviteRequest,
  ZSetMemberRoleRequest,
} from "../../validation/team";
import { listMembers } from "../../services/members/list-members";
import { inviteMember, revokeInvite } from "../../services/members/invite-member";
import { removeMember, setMemberRole } from "../../services/members/change-membership";
import { createTeam } from "../../services/teams/create-team";

export const teamRouter = createTRPCRouter({
  create: signedInProcedure
    .input(ZCreateTeamRequest)
    .output(z.object({ id: z.string(), name: z.string(), slug: z.string() }))
    .mutation(({ ctx, input }) => createTeam({ prisma: ctx.prisma, userId: ctx.user.id, name: input.name })),
  members: roleProcedure("VIEWER")
    .output(
      z.object({
        members: z.array(
          z.object({ id: z.string(), name: z.string(), email: z.string(), role: zRole, since: z.date() }),
        ),
        invites: z.array(
          z.object({
            id: z.string(),
            email: z.string(),
            role: zRole,
            createdAt: z.date(),
            expiresAt: z.date(),
            expired: z.boolean(),
          }),
        ),
      }),
    )
    .query(({ ctx }) => listMembers(ctx.svc)),
  invite: roleProcedure("ADMIN")
    .input(ZInviteMemberRequest)
    // The link is shown once, to the admin who invited; only its hash is stored.
    .output(z.object({ id: z.string(), email: z.string(), role: zRole, expiresAt: z.date(), inviteUrl: z.string() }))
    .mutation(({ ctx, input }) => inviteMember({ ...ctx.svc, email: input.email, role: input.role })),
  revokeInvite: roleProcedure("ADMIN")
    .input(ZRevokeInviteRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeInvite({ ...ctx.svc, id: input.id })),
  setRole: roleProcedure("ADMIN")
    .input(ZSetMemberRoleRequest)
    .output(z.object({ id: z.string(), role: zRole }))
    .mutation(({ ctx, input }) => setMemberRole({ ...ctx.svc, memberId: input.userId, role: input.role })),
  removeMember: roleProcedure("ADMIN")
    .input(ZRemoveMemberRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => removeMember({ ...ctx.svc, memberId: input.userId })),
});
