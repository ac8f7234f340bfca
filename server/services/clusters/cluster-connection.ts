// The stored endpoint and encrypted credentials of clusters, for the workers that talk to them.
// Never used by a procedure: the cipher must not reach a browser, a log line or an error message.
import type { PrismaClient } from "../../generated/prisma/client";

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
  return rows.map(({ id, ...r }) => ({ clusterId: id, ...r }));
}
