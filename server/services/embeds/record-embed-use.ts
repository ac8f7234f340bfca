// Notes when an embed link was last viewed, at most once a minute per link: a live chart refreshes every
// 10 s in every open wiki page, and each view must not become a database write.
import type { PrismaClient } from "../../generated/prisma/client";
import { TtlCache } from "./ttl-cache";

export const USE_RECORD_INTERVAL_MS = 60_000;

const KEY = Symbol.for("tern.embeds.useCache");
type WithCache = typeof globalThis & { [KEY]?: TtlCache<string, true> };
const recent = () => ((globalThis as WithCache)[KEY] ??= new TtlCache<string, true>(USE_RECORD_INTERVAL_MS, 10_000));

export async function recordEmbedUse(opts: { prisma: PrismaClient; id: string; now: Date }): Promise<void> {
  const now = opts.now.getTime();
  if (recent().get(opts.id, now)) return;
  recent().set(opts.id, true, now);
  // The condition keeps several app replicas from each writing within the same minute.
  await opts.prisma.embedLink.updateMany({
    where: { id: opts.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - USE_RECORD_INTERVAL_MS) } }] },
    data: { lastUsedAt: opts.now },
  });
}
