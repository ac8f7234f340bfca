// Clouds: provider accounts in the team's inventory.
import { z } from "zod";
import { roleProcedure, createTRPCRouter } from "../trpc";
import {
  ZCloud,
  ZCreateCloudRequest,
  ZDeleteCloudRequest,
  ZListCloudsRequest,
  ZUpdateCloudRequest,
} from "../../validation/cloud";
import { zPage } from "../../validation/common";
import { createCloud } from "../../services/clouds/create-cloud";
import { listClouds } from "../../services/clouds/list-clouds";
import { updateCloud } from "../../services/clouds/update-cloud";
import { deleteCloud } from "../../services/clouds/delete-cloud";

const ZCloudRow = ZCloud.omit({ clusterCount: true });

export const cloudRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .input(ZListCloudsRequest)
    .output(zPage(ZCloud))
    .query(({ ctx, input }) => listClouds({ ...ctx.svc, input })),
  create: roleProcedure("OPERATOR")
    .input(ZCreateCloudRequest)
    .output(ZCloudRow)
    .mutation(({ ctx, input }) => createCloud({ ...ctx.svc, input })),
  update: roleProcedure("OPERATOR")
    .input(ZUpdateCloudRequest)
    .output(ZCloudRow)
    .mutation(({ ctx, input }) => updateCloud({ ...ctx.svc, id: input.id, name: input.name })),
  delete: roleProcedure("OPERATOR")
    .input(ZDeleteCloudRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteCloud({ ...ctx.svc, id: input.id })),
});
