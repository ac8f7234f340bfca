// Creates or edits one catalog entry.
import { fromPrismaError, notFound } from "../../errors";
import type { GpuPriceFields } from "../../validation/gpu-price";
import type { TeamScope } from "../context";
import { gpuPriceSelect, toDate, toGpuPriceDto } from "./gpu-price-select";

const conflict = (p: GpuPriceFields) =>
  `a ${p.gpuType} price for ${p.provider} ${p.region} effective ${p.effectiveDate} already exists; edit that entry or pick another date`;

export async function saveGpuPrice(opts: TeamScope & { id?: string; input: GpuPriceFields }) {
  const data = { ...opts.input, effectiveDate: toDate(opts.input.effectiveDate) };
  try {
    if (!opts.id) {
      return toGpuPriceDto(
        await opts.prisma.gpuPrice.create({ data: { ...data, teamId: opts.teamId }, select: gpuPriceSelect }),
      );
    }
    const res = await opts.prisma.gpuPrice.updateMany({ where: { id: opts.id, teamId: opts.teamId }, data });
    if (res.count === 0) throw notFound("GPU price");
    return toGpuPriceDto(
      await opts.prisma.gpuPrice.findUniqueOrThrow({ where: { id: opts.id }, select: gpuPriceSelect }),
    );
  } catch (e) {
    throw fromPrismaError(e, conflict(opts.input)) ?? e;
  }
}

export async function deleteGpuPrice(opts: TeamScope & { id: string }) {
  const res = await opts.prisma.gpuPrice.deleteMany({ where: { id: opts.id, teamId: opts.teamId } });
  if (res.count === 0) throw notFound("GPU price");
  return { id: opts.id };
}
