// Writes one AuditEvent; details are redacted here so no caller can log a secret by mistake.
import type { PrismaClient } from "../../generated/prisma/client";
import type { AuditOutcome } from "../../generated/prisma/enums";
import { redact } from "../../audit/redact";

/** A client or a transaction: team joins are audited in the transaction that creates the membership. */
type AuditDb = Pick<PrismaClient, "auditEvent">;

export interface AuditInput {
  prisma: AuditDb;
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

/** Returns the new row's id (a PENDING row is settled later with settleAuditEvent). */
export async function recordAuditEvent(e: AuditInput): Promise<string> {
  const row = await e.prisma.auditEvent.create({
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
    select: { id: true },
  });
  return row.id;
}

/** Records the outcome of a mutation whose PENDING row was written before it ran. */
export async function settleAuditEvent(opts: {
  prisma: AuditDb;
  id: string;
  outcome: Exclude<AuditOutcome, "PENDING">;
  targetId: string | null;
  details: Record<string, unknown>;
}): Promise<void> {
  await opts.prisma.auditEvent.update({
    where: { id: opts.id },
    data: { outcome: opts.outcome, targetId: opts.targetId, details: redact(opts.details) as object },
    select: { id: true },
  });
}
