// The audit trail, for admins.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { zPage } from "../../validation/common";
import { ZListAuditRequest } from "../../validation/team";
import { listAuditEvents } from "../../services/audit/list-audit-events";

const ZAuditEvent = z.object({
  id: z.string(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.enum(["SUCCESS", "DENIED", "FAILED", "PENDING"]),
  requestId: z.string(),
  ip: z.string().nullable(),
  details: z.string(),
  createdAt: z.date(),
});

export const auditRouter = createTRPCRouter({
  list: roleProcedure("ADMIN")
    .input(ZListAuditRequest)
    .output(zPage(ZAuditEvent))
    .query(({ ctx, input }) => listAuditEvents({ ...ctx.svc, input })),
});
