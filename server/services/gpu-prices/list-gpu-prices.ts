// Lists the team's GPU price catalog: paged, sorted, searched by region or GPU type.
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import type { ZListGpuPricesRequest } from "../../validation/gpu-price";
import { skipTake, type TeamScope } from "../context";
import { gpuPriceSelect, toGpuPriceDto } from "./gpu-price-select";

export async function listGpuPrices(opts: TeamScope & { input: z.output<typeof ZListGpuPricesRequest> }) {
  const { page, pageSize, sort, dir, q, provider, gpuType } = opts.input;
  const where: Prisma.GpuPriceWhereInput = {
    teamId: opts.teamId,
    ...(provider ? { provider } : {}),
    ...(gpuType ? { gpuType } : {}),
    ...(q
      ? { OR: [{ region: { contains: q, mode: "insensitive" } }, { gpuType: { contains: q, mode: "insensitive" } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    opts.prisma.gpuPrice.findMany({
      where,
      orderBy: [{ [sort]: dir }, { id: "asc" }],
      ...skipTake(page, pageSize),
      select: gpuPriceSelect,
    }),
    opts.prisma.gpuPrice.count({ where }),
  ]);
  return { items: rows.map(toGpuPriceDto), total, page, pageSize };
}
