// Team settings: the outgoing webhook (admins) and the GPU equivalence table migrations size targets with.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { ZGpuEquivalence, ZWebhookSettings } from "../../validation/migration";
import {
  deleteTeamWebhook,
  getTeamWebhook,
  saveTeamWebhook,
  testTeamWebhook,
} from "../../services/webhooks/team-webhook";
import { listGpuEquivalence, saveGpuEquivalence } from "../../services/gpu-equivalence/gpu-equivalence-table";

const ZWebhook = z.object({
  url: z.string().nullable(),
  enabled: z.boolean(),
  updatedAt: z.date().nullable(),
  configured: z.boolean(),
});
const ZEquivalenceTable = z.object({
  items: z.array(z.object({ gpuType: z.string(), throughput: z.number(), isDefault: z.boolean() })),
});

export const settingsRouter = createTRPCRouter({
  webhook: roleProcedure("ADMIN")
    .output(ZWebhook)
    .query(({ ctx }) => getTeamWebhook(ctx.svc)),
  saveWebhook: roleProcedure("ADMIN")
    .input(ZWebhookSettings)
    .output(ZWebhook)
    .mutation(({ ctx, input }) => saveTeamWebhook({ ...ctx.svc, input })),
  deleteWebhook: roleProcedure("ADMIN")
    .output(z.object({ ok: z.boolean() }))
    .mutation(({ ctx }) => deleteTeamWebhook(ctx.svc)),
  testWebhook: roleProcedure("ADMIN")
    .output(z.object({ delivered: z.boolean(), message: z.string() }))
    .mutation(({ ctx }) => testTeamWebhook(ctx.svc)),
  gpuEquivalence: roleProcedure("VIEWER")
    .output(ZEquivalenceTable)
    .query(({ ctx }) => listGpuEquivalence(ctx.svc)),
  saveGpuEquivalence: roleProcedure("OPERATOR")
    .input(ZGpuEquivalence)
    .output(ZEquivalenceTable)
    .mutation(({ ctx, input }) => saveGpuEquivalence({ ...ctx.svc, input })),
});
