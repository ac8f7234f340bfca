// Turns a presented API token into who acts, in which team, with which scopes; null for an unknown, expired or
// revoked token. Looked up by hash (the token itself is never stored); last use is written at most once a minute.
import type { PrismaClient } from "../../generated/prisma/client";
import { hashApiToken, isWellFormedApiToken } from "../../auth/api-token";
import type { ApiScope } from "../../domain/values";
import type { SessionUser } from "../auth/get-session-user";

export interface TokenActor {
  user: SessionUser;
  teamId: string;
  token: { id: string; prefix: string; scopes: ApiScope[] };
}

const LAST_USED_EVERY_MS = 60_000;

export async function resolveApiToken(opts: {
  prisma: PrismaClient;
  token: string;
  ip: string | null;
  now?: Date;
}): Promise<TokenActor | null> {
  if (!isWellFormedApiToken(opts.token)) return null;
  const now = opts.now ?? new Date();
  const row = await opts.prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(opts.token) },
    select: {
      id: true,
      prefix: true,
      scopes: true,
      teamId: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, locale: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await opts.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now, lastUsedIp: opts.ip } });
  }
  return {
    user: { ...row.user, sessionId: `token:${row.id}` },
    teamId: row.teamId,
    token: { id: row.id, prefix: row.prefix, scopes: row.scopes },
  };
}
