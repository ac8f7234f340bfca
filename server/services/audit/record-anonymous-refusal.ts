// Counts refused anonymous calls instead of storing each: one row per client address per 15-minute
// window, its count bumped atomically (INSERT … ON CONFLICT), so a flood costs one row, not thousands.
import type { PrismaClient } from "../../generated/prisma/client";

export const ANONYMOUS_WINDOW_MS = 15 * 60_000;
export const ANONYMOUS_REFUSAL_ACTION = "anonymous.refused";

export async function recordAnonymousRefusal(opts: {
  prisma: PrismaClient;
  ip: string | null;
  action: string;
  requestId: string;
  reason: string;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / ANONYMOUS_WINDOW_MS) * ANONYMOUS_WINDOW_MS);
  const ip = opts.ip ?? "unknown";
  const id = `anon:${windowStart.toISOString()}:${ip}`.slice(0, 120);
  const details = JSON.stringify({
    count: 1,
    windowStart: windowStart.toISOString(),
    windowMinutes: ANONYMOUS_WINDOW_MS / 60_000,
    lastAction: opts.action.slice(0, 200),
    lastReason: opts.reason.slice(0, 200),
  });
  await opts.prisma.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "actorEmail", "action", "outcome", "requestId", "ip", "details", "createdAt")
    VALUES (${id}, NULL, NULL, NULL, ${ANONYMOUS_REFUSAL_ACTION}, 'DENIED', ${opts.requestId}, ${opts.ip}, ${details}::jsonb, ${windowStart})
    ON CONFLICT ("id") DO UPDATE SET
      "details" = "AuditEvent"."details"
        || jsonb_build_object('count', COALESCE(("AuditEvent"."details"->>'count')::int, 0) + 1,
                              'lastAction', ${opts.action.slice(0, 200)}::text,
                              'lastReason', ${opts.reason.slice(0, 200)}::text),
      "requestId" = EXCLUDED."requestId"`;
}
