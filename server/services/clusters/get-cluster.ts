// One cluster of the team, or NOT_FOUND (also for another team's id).
import { notFound } from "../../errors";
import type { TeamScope } from "../context";
import { clusterSelect, toClusterDto } from "./cluster-select";

export async function getCluster(opts: TeamScope & { id: string }) {
  const row = await opts.prisma.cluster.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: clusterSelect,
  });
  if (!row) throw notFound("cluster");
  return toClusterDto(row);
}
