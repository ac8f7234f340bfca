// Registers a cloud provider account in the team's inventory.
import { AppError, fromPrismaError } from "../../errors";
import type { CreateCloudRequest } from "../../validation/cloud";
import type { TeamScope } from "../context";

export async function createCloud(opts: TeamScope & { input: CreateCloudRequest }) {
  try {
    return await opts.prisma.cloud.create({
      data: { teamId: opts.teamId, provider: opts.input.provider, name: opts.input.name },
      select: { id: true, provider: true, name: true, createdAt: true },
    });
  } catch (e) {
    throw (
      fromPrismaError(e, `a cloud named '${opts.input.name}' already exists in this team; pick another name`) ??
      new AppError("INTERNAL_SERVER_ERROR", "could not create the cloud")
    );
  }
}
