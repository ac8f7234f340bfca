// Teams and membership: who belongs, with which role; invites.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure, signedInProcedure } from "../trpc";
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
import { ZApplyTeamDocumentRequest, ZApplyTeamDocumentResult, ZTeamDocumentOut } from "../../validation/team-document";
import { exportTeamDocument } from "../../services/team-document/export-team-document";
import { applyTeamDocument } from "../../services/team-document/apply-team-document";

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
  // The declarative document of `tern export` / `tern apply` (clusters without credentials).
  exportDocument: roleProcedure("VIEWER")
    .meta(rest("GET", "/team/export", "The team's clouds, clusters, GPU prices, models and deployments as a document"))
    .input(z.object({}).optional())
    .output(ZTeamDocumentOut)
    .query(({ ctx }) => exportTeamDocument(ctx.svc)),
  applyDocument: roleProcedure("OPERATOR")
    .meta(rest("POST", "/team/apply", "Make the team match a document (dry run: only list the changes)"))
    .input(ZApplyTeamDocumentRequest)
    .output(ZApplyTeamDocumentResult)
    .mutation(({ ctx, input }) => applyTeamDocument({ ...ctx.svc, ...input })),
});
