// Audits a request refused before it reached a procedure (e.g. a cross-site POST).
import { randomUUID } from "node:crypto";
import { getPrisma } from "../../db";
import { recordAuditEvent } from "./record-audit-event";

export async function recordRefusedRequest(opts: { req: Request; reason: string }): Promise<void> {
  const url = new URL(opts.req.url);
  await recordAuditEvent({
    prisma: getPrisma(),
    teamId: null,
    actorId: null,
    actorEmail: null,
    action: `http.${opts.req.method.toLowerCase()} ${url.pathname}`,
    outcome: "DENIED",
    requestId: opts.req.headers.get("x-request-id") ?? randomUUID(),
    ip: opts.req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    details: { reason: opts.reason, origin: opts.req.headers.get("origin") },
  }).catch(() => undefined);
}
