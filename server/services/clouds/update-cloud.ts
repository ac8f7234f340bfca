// Renames a cloud.
import { AppError, fromPrismaError, notFound } from "../../errors";
import type { TeamScope } from "../context";

export async function updateCloud(opts: TeamScope & { id: string; name: string }) {
  const found = await opts.prisma.cloud.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true },
  });
  if (!found) throw notFound("cloud");
  try {
    return await opts.prisma.cloud.update({
      where: { id: opts.id },
      data: { name: opts.name },
      select: { id: true, provider: true, name: true, createdAt: true },
    });
  } catch (e) {
    throw (
      fromPrismaError(e, `a cloud named '${opts.name}' already exists in this team; pick another name`) ??
      new AppError("INTERNAL_SERVER_ERROR", "could not rename the cloud")
    );
  }
}
