// The per-account sign-in limit: failed sign-ins are audit rows (auth.sign-in, DENIED), so counting them
// holds across app replicas and restarts (the per-address limit is better-auth's, in the RateLimit table).
import type { PrismaClient } from "../../generated/prisma/client";

export const SIGN_IN_ACTION = "auth.sign-in";
export const FAILURE_WINDOW_MS = 15 * 60_000;

export async function recentSignInFailures(opts: {
  prisma: PrismaClient;
  email: string;
  now?: Date;
}): Promise<{ count: number; oldest: Date | null }> {
  const since = new Date((opts.now ?? new Date()).getTime() - FAILURE_WINDOW_MS);
  const where = {
    action: SIGN_IN_ACTION,
    outcome: "DENIED" as const,
    actorEmail: opts.email.toLowerCase(),
    createdAt: { gt: since },
  };
  const [count, oldest] = await Promise.all([
    opts.prisma.auditEvent.count({ where }),
    opts.prisma.auditEvent.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return { count, oldest: oldest?.createdAt ?? null };
}
