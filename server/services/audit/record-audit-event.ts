// Writes one AuditEvent; details are redacted here so no caller can log a secret by mistake.
import type { PrismaClient } from "../../generated/prisma/client";
import type { AuditOutcome } from "../../generated/prisma/enums";
import { redact } from "../../audit/redact";

export interface AuditInput {
  prisma: PrismaClient;
  teamId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  requestId: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAuditEvent(e: AuditInput): Promise<void> {
  await e.prisma.auditEvent.create({
    data: {
      teamId: e.teamId,
      actorId: e.actorId,
      actorEmail: e.actorEmail,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      outcome: e.outcome,
      requestId: e.requestId,
      ip: e.ip ?? null,
      details: redact(e.details ?? {}) as object,
    },
  });
}
