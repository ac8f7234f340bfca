// Deletes a cloud that no longer has clusters.
import { AppError, notFound } from "../../errors";
import type { TeamScope } from "../context";

export async function deleteCloud(opts: TeamScope & { id: string }) {
  const cloud = await opts.prisma.cloud.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true, name: true, _count: { select: { clusters: true } } },
  });
  if (!cloud) throw notFound("cloud");
  if (cloud._count.clusters > 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `cloud '${cloud.name}' still has ${cloud._count.clusters} cluster(s); remove them before deleting the cloud`,
    );
  }
  await opts.prisma.cloud.delete({ where: { id: cloud.id } });
  return { id: cloud.id };
}
