// The GPU price DTO: Decimal and Date columns become plain numbers and YYYY-MM-DD strings.
import type { Prisma } from "../../generated/prisma/client";
import type { GpuPriceDto } from "../../validation/gpu-price";

export const gpuPriceSelect = {
  id: true,
  provider: true,
  region: true,
  gpuType: true,
  pricePerHour: true,
  currency: true,
  source: true,
  effectiveDate: true,
} satisfies Prisma.GpuPriceSelect;

type Row = Prisma.GpuPriceGetPayload<{ select: typeof gpuPriceSelect }>;

export const toGpuPriceDto = (r: Row): GpuPriceDto => ({
  ...r,
  pricePerHour: Number(r.pricePerHour),
  effectiveDate: r.effectiveDate.toISOString().slice(0, 10),
});

export const toDate = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
