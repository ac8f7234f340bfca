// In-app notifications: migration requests, decisions and outcomes for the signed-in user's role.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { ZNotification } from "../../validation/migration";
import { listNotifications, markNotificationsRead } from "../../services/notifications/list-notifications";

export const notificationRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .output(z.object({ unread: z.number().int(), items: z.array(ZNotification) }))
    .query(({ ctx }) => listNotifications({ ...ctx.svc, role: ctx.team.role })),
  markRead: roleProcedure("VIEWER")
    .output(z.object({ marked: z.number().int() }))
    .mutation(({ ctx }) => markNotificationsRead({ ...ctx.svc, role: ctx.team.role })),
});
