// The team's GPU equivalence table: relative throughput per GPU type (A100 = 1.0), defaults where unset.
import type { z } from "zod";
import { DEFAULT_GPU_THROUGHPUT } from "../../migrations/plan/gpu-equivalence";
import type { ZGpuEquivalence } from "../../validation/migration";
import type { TeamScope } from "../context";

export async function listGpuEquivalence(opts: TeamScope) {
  const rows = await opts.prisma.gpuEquivalence.findMany({
    where: { teamId: opts.teamId },
    select: { gpuType: true, throughput: true },
  });
  const own = new Map(rows.map((r) => [r.gpuType, Number(r.throughput)]));
  const types = new Set([...Object.keys(DEFAULT_GPU_THROUGHPUT), ...own.keys()]);
  return {
    items: [...types].sort().map((gpuType) => ({
      gpuType,
      throughput: own.get(gpuType) ?? DEFAULT_GPU_THROUGHPUT[gpuType]!,
      isDefault: !own.has(gpuType),
    })),
  };
}

export async function saveGpuEquivalence(opts: TeamScope & { input: z.output<typeof ZGpuEquivalence> }) {
  await opts.prisma.gpuEquivalence.upsert({
    where: { teamId_gpuType: { teamId: opts.teamId, gpuType: opts.input.gpuType } },
    create: { teamId: opts.teamId, ...opts.input },
    update: { throughput: opts.input.throughput },
  });
  return listGpuEquivalence(opts);
}
