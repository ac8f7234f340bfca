// The stored endpoint and encrypted credentials of clusters, for the workers that talk to them.
// Never used by a procedure: the cipher must not reach a browser, a log line or an error message.
import type { PrismaClient } from "../../generated/prisma/client";
import {
  decryptClusterCredentials,
  encryptClusterCredentials,
  getEncryptionKey,
  isLegacyCipher,
} from "../../crypto/credentials";

export interface StoredClusterRow {
  clusterId: string;
  teamId: string;
  name: string;
  apiServer: string;
  credentialsCipher: string;
}

export async function loadStoredClusters(opts: { prisma: PrismaClient; ids?: string[] }): Promise<StoredClusterRow[]> {
  const rows = await opts.prisma.cluster.findMany({
    where: opts.ids ? { id: { in: opts.ids } } : {},
    select: { id: true, teamId: true, name: true, apiServer: true, credentialsCipher: true },
    orderBy: { id: "asc" },
  });
  const out = rows.map(({ id, ...r }) => ({ clusterId: id, ...r }));
  for (const row of out)
    if (isLegacyCipher(row.credentialsCipher)) row.credentialsCipher = await upgradeCipher(opts.prisma, row);
  return out;
}

/**
 * Re-encrypts a v1 (unbound) cipher as v2, bound to the cluster's id, the first time the row is used. The write is
 * conditional on the old value, so a concurrent re-import wins; an undecryptable row is left for the driver to report.
 */
async function upgradeCipher(prisma: PrismaClient, row: StoredClusterRow): Promise<string> {
  let upgraded: string;
  try {
    const key = getEncryptionKey();
    upgraded = encryptClusterCredentials(
      decryptClusterCredentials(row.credentialsCipher, key, row.clusterId).value,
      key,
      row.clusterId,
    );
  } catch {
    return row.credentialsCipher;
  }
  const res = await prisma.cluster.updateMany({
    where: { id: row.clusterId, credentialsCipher: row.credentialsCipher },
    data: { credentialsCipher: upgraded },
  });
  return res.count === 1 ? upgraded : row.credentialsCipher;
}

/** One-off upgrade of every cluster's credentials to the bound v2 envelope; returns how many rows remain v1. */
export async function upgradeAllClusterCredentials(opts: { prisma: PrismaClient }): Promise<number> {
  const rows = await loadStoredClusters(opts);
  return rows.filter((r) => isLegacyCipher(r.credentialsCipher)).length;
}
