// Inputs for the GPU price catalog (provider × region × GPU type → price per GPU-hour).
import { z } from "zod";
import { zGpuType, zId, zListInput, zProvider, zRegion } from "./common";

export const zIsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD (e.g. 2026-11-01)")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "date is not a real calendar date");

export const ZGpuPriceFields = z.object({
  provider: zProvider,
  region: zRegion,
  gpuType: zGpuType,
  pricePerHour: z.coerce
    .number({ error: "price must be a number such as 2.49" })
    .positive("price per GPU-hour must be greater than 0")
    .max(10_000, "price per GPU-hour above 10,000 looks wrong; check the unit"),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, "currency must be a 3-letter ISO code such as USD or CNY")
    .default("USD"),
  source: z.string().trim().min(1, "say where the price comes from (e.g. 'AWS on-demand list price')").max(200),
  effectiveDate: zIsoDate,
});
export type GpuPriceFields = z.output<typeof ZGpuPriceFields>;

export const ZCreateGpuPriceRequest = ZGpuPriceFields;
export const ZUpdateGpuPriceRequest = ZGpuPriceFields.extend({ id: zId });
export const ZImportGpuPricesRequest = z.object({
  csv: z
    .string()
    .min(1, "the CSV file is empty")
    .max(2 * 1024 * 1024, "CSV larger than 2 MiB; split it"),
});

export const ZListGpuPricesRequest = zListInput(
  ["provider", "region", "gpuType", "pricePerHour", "effectiveDate"] as const,
  "gpuType",
).extend({ provider: zProvider.optional(), gpuType: z.string().max(32).optional() });
export type ListGpuPricesRequest = z.input<typeof ZListGpuPricesRequest>;

export const ZGpuPrice = z.object({
  id: z.string(),
  provider: zProvider,
  region: z.string(),
  gpuType: z.string(),
  pricePerHour: z.number(),
  currency: z.string(),
  source: z.string(),
  effectiveDate: z.string(),
});
export type GpuPriceDto = z.infer<typeof ZGpuPrice>;

export const GPU_PRICE_CSV_COLUMNS = [
  "provider",
  "region",
  "gpuType",
  "pricePerHour",
  "currency",
  "source",
  "effectiveDate",
] as const;
