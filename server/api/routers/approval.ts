// Approvals: the inbox of migrations waiting for a decision, approve / reject, and the team's policy.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure } from "../trpc";
import { ZApprovalPolicy, ZDecideRequest, ZMigrationListItem, ZRejectRequest } from "../../validation/migration";
import { listApprovalInbox, countApprovalInbox } from "../../services/approvals/approval-inbox";
import { approveMigration, rejectMigration } from "../../services/approvals/decide-migration";
import { getApprovalPolicy, saveApprovalPolicy } from "../../services/approvals/approval-policy";

export const approvalRouter = createTRPCRouter({
  inbox: roleProcedure("VIEWER")
    .meta(rest("GET", "/approvals", "Migrations waiting for your approval"))
    .output(z.object({ items: z.array(ZMigrationListItem) }))
    .query(({ ctx }) => listApprovalInbox({ ...ctx.svc, role: ctx.team.role })),
  count: roleProcedure("VIEWER")
    .output(z.object({ count: z.number().int() }))
    .query(({ ctx }) => countApprovalInbox({ ...ctx.svc, role: ctx.team.role })),
  approve: roleProcedure("APPROVER")
    .meta(rest("POST", "/approvals/{migrationId}/approve", "Approve a migration's plan"))
    .input(ZDecideRequest)
    .output(
      z.object({ id: z.string(), state: z.string(), approvals: z.number().int(), requiredApprovals: z.number().int() }),
    )
    .mutation(({ ctx, input }) => approveMigration({ ...ctx.svc, email: ctx.user.email, input })),
  reject: roleProcedure("APPROVER")
    .meta(rest("POST", "/approvals/{migrationId}/reject", "Reject a migration, with a reason"))
    .input(ZRejectRequest)
    .output(z.object({ id: z.string(), state: z.string() }))
    .mutation(({ ctx, input }) => rejectMigration({ ...ctx.svc, email: ctx.user.email, input })),
  policy: roleProcedure("VIEWER")
    .output(ZApprovalPolicy)
    .query(({ ctx }) => getApprovalPolicy(ctx.svc)),
  savePolicy: roleProcedure("ADMIN")
    .input(ZApprovalPolicy)
    .output(ZApprovalPolicy)
    .mutation(({ ctx, input }) => saveApprovalPolicy({ ...ctx.svc, input })),
});
