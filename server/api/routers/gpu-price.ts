// GPU price catalog: entries, CSV import and export.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure } from "../trpc";
import { zId, zPage } from "../../validation/common";
import {
  ZCreateGpuPriceRequest,
  ZGpuPrice,
  ZImportGpuPricesRequest,
  ZListGpuPricesRequest,
  ZUpdateGpuPriceRequest,
} from "../../validation/gpu-price";
import { listGpuPrices } from "../../services/gpu-prices/list-gpu-prices";
import { deleteGpuPrice, saveGpuPrice } from "../../services/gpu-prices/save-gpu-price";
import { exportGpuPricesCsv, importGpuPricesCsv } from "../../services/gpu-prices/gpu-price-csv";

export const gpuPriceRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .meta(rest("GET", "/gpu-prices", "List the team's GPU price catalog"))
    .input(ZListGpuPricesRequest)
    .output(zPage(ZGpuPrice))
    .query(({ ctx, input }) => listGpuPrices({ ...ctx.svc, input })),
  exportCsv: roleProcedure("VIEWER")
    .output(z.object({ csv: z.string() }))
    .query(async ({ ctx }) => ({ csv: await exportGpuPricesCsv(ctx.svc) })),
  create: roleProcedure("OPERATOR")
    .input(ZCreateGpuPriceRequest)
    .output(ZGpuPrice)
    .mutation(({ ctx, input }) => saveGpuPrice({ ...ctx.svc, input })),
  update: roleProcedure("OPERATOR")
    .input(ZUpdateGpuPriceRequest)
    .output(ZGpuPrice)
    .mutation(({ ctx, input: { id, ...input } }) => saveGpuPrice({ ...ctx.svc, id, input })),
  delete: roleProcedure("OPERATOR")
    .input(z.object({ id: zId }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteGpuPrice({ ...ctx.svc, id: input.id })),
  importCsv: roleProcedure("OPERATOR")
    .input(ZImportGpuPricesRequest)
    .output(z.object({ imported: z.number().int() }))
    .mutation(({ ctx, input }) => importGpuPricesCsv({ ...ctx.svc, csv: input.csv })),
});
