// Lists the team's migrations, newest first by default, filtered by state or deployment.
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { ZListMigrationsRequest } from "../../validation/migration";
import { skipTake, type TeamScope } from "../context";
import { migrationListSelect, toMigrationListItem } from "./migration-dto";

export async function listMigrations(opts: TeamScope & { input: z.output<typeof ZListMigrationsRequest> }) {
  const { page, pageSize, sort, dir, q, state, deploymentId } = opts.input;
  const where: Prisma.MigrationWhereInput = {
    teamId: opts.teamId,
    ...(state ? { state } : {}),
    ...(deploymentId ? { OR: [{ sourceDeploymentId: deploymentId }, { targetDeploymentId: deploymentId }] } : {}),
    ...(q
      ? {
          OR: [
            { requestedByEmail: { contains: q, mode: "insensitive" } },
            { plan: { path: ["model", "name"], string_contains: q } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    opts.prisma.migration.findMany({
      where,
      orderBy: [{ [sort]: dir }, { id: "asc" }],
      ...skipTake(page, pageSize),
      select: migrationListSelect,
    }),
    opts.prisma.migration.count({ where }),
  ]);
  return { items: rows.map(toMigrationListItem), total, page, pageSize };
}
