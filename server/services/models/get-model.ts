// One model with its versions (the golden set itself stays on the server; its size is shown).
import { notFound } from "../../errors";
import type { TeamScope } from "../context";

export async function getModel(opts: TeamScope & { id: string }) {
  const m = await opts.prisma.model.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: {
      id: true,
      name: true,
      task: true,
      framework: true,
      description: true,
      createdAt: true,
      versions: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          version: true,
          format: true,
          artifactUri: true,
          sha256: true,
          sizeBytes: true,
          runtimeImage: true,
          goldenSet: true,
          createdAt: true,
        },
      },
    },
  });
  if (!m) throw notFound("model");
  return {
    ...m,
    versions: m.versions.map(({ goldenSet, sizeBytes, ...v }) => ({
      ...v,
      sizeBytes: Number(sizeBytes),
      goldenCases: Array.isArray(goldenSet) ? goldenSet.length : 0,
    })),
  };
}
