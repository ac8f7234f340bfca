// Adds a version to a model: artifact, checksum, runtime and golden set.
import { AppError, fromPrismaError } from "../../errors";
import type { CreateModelVersionRequest } from "../../validation/model";
import type { TeamScope } from "../context";

export async function createModelVersion(opts: TeamScope & { input: CreateModelVersionRequest }) {
  const { modelId, sizeBytes, goldenSet, ...rest } = opts.input;
  const model = await opts.prisma.model.findFirst({
    where: { id: modelId, teamId: opts.teamId },
    select: { id: true },
  });
  if (!model)
    throw new AppError("NOT_FOUND", "the model was not found in this team; open the model from the list", "modelId");
  try {
    return await opts.prisma.modelVersion.create({
      data: {
        ...rest,
        modelId,
        teamId: opts.teamId,
        sizeBytes: BigInt(sizeBytes),
        // tsc needs the JSON cast; the type-aware linter resolves the generated Prisma types looser.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        goldenSet: goldenSet as object[],
      },
      select: { id: true, version: true },
    });
  } catch (e) {
    throw (
      fromPrismaError(
        e,
        `version '${rest.version}' already exists for this model; versions are immutable, use a new version`,
      ) ?? e
    );
  }
}
