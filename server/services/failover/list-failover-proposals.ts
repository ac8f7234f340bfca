// Failover migrations for /recommendations: those still open, and those of the last day whatever became of them.
import type { MigrationListItem } from "../../validation/migration";
import type { TeamScope } from "../context";
import { migrationListSelect, toMigrationListItem } from "../migrations/migration-dto";

export async function listFailoverProposals(opts: TeamScope & { now?: Date }): Promise<{ items: MigrationListItem[] }> {
  const since = new Date((opts.now ?? new Date()).getTime() - 86_400_000);
  const rows = await opts.prisma.migration.findMany({
    where: {
      teamId: opts.teamId,
      trigger: "FAILOVER",
      OR: [{ activeDeploymentId: { not: null } }, { createdAt: { gt: since } }],
    },
    select: migrationListSelect,
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return { items: rows.map(toMigrationListItem) };
}
