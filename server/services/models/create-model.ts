// Registers a model (its versions are added separately).
import { fromPrismaError } from "../../errors";
import type { CreateModelRequest } from "../../validation/model";
import type { TeamScope } from "../context";

export async function createModel(opts: TeamScope & { input: CreateModelRequest }) {
  try {
    const m = await opts.prisma.model.create({
      data: { ...opts.input, description: opts.input.description ?? null, teamId: opts.teamId },
      select: { id: true, name: true },
    });
    return m;
  } catch (e) {
    throw fromPrismaError(e, `a model named '${opts.input.name}' already exists in this team; pick another name`) ?? e;
  }
}
