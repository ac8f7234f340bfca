// Deletes a model and its versions, unless a deployment still runs one of them.
import { AppError, notFound } from "../../errors";
import type { TeamScope } from "../context";

export async function deleteModel(opts: TeamScope & { id: string }) {
  const m = await opts.prisma.model.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true, name: true },
  });
  if (!m) throw notFound("model");
  const running = await opts.prisma.deployment.count({
    where: { teamId: opts.teamId, modelVersion: { modelId: m.id } },
  });
  if (running > 0)
    throw new AppError("PRECONDITION_FAILED", `model '${m.name}' has ${running} deployment(s); delete them first`);
  await opts.prisma.model.delete({ where: { id: m.id } });
  return { id: m.id };
}
