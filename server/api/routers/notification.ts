// In-app notifications (migration requests, decisions, outcomes), the team webhook and the GPU equivalence table.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { ZGpuEquivalence, ZNotification, ZWebhookSettings } from "../../validation/migration";
import { listNotifications, markNotificationsRead } from "../../services/notifications/list-notifications";
import { deleteTeamWebhook, getTeamWebhook, saveTeamWebhook, testTeamWebhook } from "../../services/webhooks/team-webhook";
import { listGpuEquivalence, saveGpuEquivalence } from "../../services/gpu-equivalence/gpu-equivalence-table";

const ZWebhook = z.object({ url: z.string().nullable(), enabled: z.boolean(), updatedAt: z.date().nullable(), configured: z.boolean() });
const ZEquivalenceTable = z.object({ items: z.array(z.object({ gpuType: z.string(), throughput: z.number(), isDefault: z.boolean() })) });

export const notificationRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .output(z.object({ unread: z.number().int(), items: z.array(ZNotification) }))
    .query(({ ctx }) => listNotifications({ ...ctx.svc, role: ctx.team.role })),
  markRead: roleProcedure("VIEWER")
    .output(z.object({ marked: z.number().int() }))
    .mutation(({ ctx }) => markNotificationsRead({ ...ctx.svc, role: ctx.team.role })),
  webhook: roleProcedure("ADMIN")
    .output(ZWebhook)
    .query(({ ctx }) => getTeamWebhook(ctx.svc)),
  saveWebhook: roleProcedure("ADMIN")
    .input(ZWebhookSettings)
    .output(ZWebhook)
    .mutation(({ ctx, input }) => saveTeamWebhook({ ...ctx.svc, input })),
  deleteWebhook: roleProcedure("ADMIN")
    .output(z.object({ ok: z.boolean() }))
    .mutation(({ ctx }) => deleteTeamWebhook(ctx.svc)),
  testWebhook: roleProcedure("ADMIN")
    .output(z.object({ delivered: z.boolean(), message: z.string() }))
    .mutation(({ ctx }) => testTeamWebhook(ctx.svc)),
  gpuEquivalence: roleProcedure("VIEWER")
    .output(ZEquivalenceTable)
    .query(({ ctx }) => listGpuEquivalence(ctx.svc)),
  saveGpuEquivalence: roleProcedure("OPERATOR")
    .input(ZGpuEquivalence)
    .output(ZEquivalenceTable)
    .mutation(({ ctx, input }) => saveGpuEquivalence({ ...ctx.svc, input })),
});
