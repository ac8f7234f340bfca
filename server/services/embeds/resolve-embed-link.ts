// Finds the chart an embed token opens, for the public embed routes. Unknown, expired and revoked tokens all
// come back as null after the same work (one cached or indexed lookup by hash), so callers answer them alike.
import type { PrismaClient } from "../../generated/prisma/client";
import { hashToken, isWellFormedToken } from "../../embeds/embed-token";
import type { EmbedMetric } from "../../validation/embed";
import { TtlCache } from "./ttl-cache";
import { onChange } from "../changes/change-bus";

/**
 * How long a lookup is reused. A revocation made on another app replica reaches this one at once through the
 * change feed (PostgreSQL server); should that notice be lost, it takes effect here within this time, and with
 * the image's 10 s max-age a revoked link stops showing within 40 s (the promise is 60 s).
 */
export const LINK_CACHE_TTL_MS = 30_000;

export interface EmbedTarget {
  id: string;
  teamId: string;
  deploymentId: string;
  metric: EmbedMetric;
  rangeMinutes: number;
  live: boolean;
  title: string;
  createdAt: Date;
  expiresAt: Date;
  /** The team's wiki origins allowed to frame the chart. */
  frameOrigins: string[];
}

interface Stored extends EmbedTarget {
  tokenHash: string;
  revokedAt: Date | null;
}

// On globalThis: Next.js may load this module in several bundles of one process (the tRPC route that revokes
// and the embed routes that read), and they must share one cache.
const KEY = Symbol.for("tern.embeds.linkCache");
type WithCache = typeof globalThis & { [KEY]?: TtlCache<string, Stored | null> };
function cache(): TtlCache<string, Stored | null> {
  const g = globalThis as WithCache;
  if (!g[KEY]) {
    // Misses are cached too, so an unknown token costs the same as a known one.
    g[KEY] = new TtlCache(LINK_CACHE_TTL_MS, 10_000);
    // Revocations and origin changes made on any replica drop the cached rows here.
    onChange("embed", (c) => (c.reason === "revoked" ? forgetEmbedLink(c.id) : forgetTeamEmbedLinks(c.teamId)));
  }
  return g[KEY];
}

async function load(prisma: PrismaClient, tokenHash: string): Promise<Stored | null> {
  const row = await prisma.embedLink.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      teamId: true,
      deploymentId: true,
      metric: true,
      rangeMinutes: true,
      live: true,
      title: true,
      tokenHash: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      team: { select: { embedOrigins: true } },
    },
  });
  if (!row) return null;
  const { team, ...rest } = row;
  return { ...rest, metric: rest.metric as EmbedMetric, frameOrigins: team.embedOrigins };
}

export async function resolveEmbedLink(opts: {
  prisma: PrismaClient;
  token: string;
  now: Date;
}): Promise<EmbedTarget | null> {
  // A malformed token cannot be one Tern issued; refusing it early reveals nothing about stored tokens.
  if (!isWellFormedToken(opts.token)) return null;
  const hash = hashToken(opts.token);
  const now = opts.now.getTime();
  let stored = cache().get(hash, now);
  if (stored === undefined) {
    stored = await load(opts.prisma, hash);
    cache().set(hash, stored, now);
  }
  // Looked up by the token's hash, so a row found is that token's row.
  if (!stored) return null;
  if (stored.revokedAt !== null || stored.expiresAt.getTime() <= now) return null;
  const { tokenHash: _hash, revokedAt: _revoked, ...target } = stored;
  return target;
}

/** Drops a link from this process's cache at once (other replicas hear of it through the change bus). */
export function forgetEmbedLink(id: string): void {
  cache().deleteWhere((v) => v?.id === id);
}

/** Drops a team's cached links, so a change of its allowed origins applies at once in this process. */
export function forgetTeamEmbedLinks(teamId: string): void {
  cache().deleteWhere((v) => v?.teamId === teamId);
}
