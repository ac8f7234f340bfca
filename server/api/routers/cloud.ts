// Clouds: provider accounts in the team's inventory.
import { z } from "zod";
import { rest, roleProcedure, createTRPCRouter } from "../trpc";
import {
  ZCloud,
  ZCreateCloudRequest,
  ZDeleteCloudRequest,
  ZListCloudsRequest,
  ZSetCloudStoreRequest,
  ZUpdateCloudRequest,
} from "../../validation/cloud";
import { zId } from "../../validation/common";
import { clearCloudStore, setCloudStore } from "../../services/clouds/set-cloud-store";
import { zPage } from "../../validation/common";
import { createCloud } from "../../services/clouds/create-cloud";
import { listClouds } from "../../services/clouds/list-clouds";
import { updateCloud } from "../../services/clouds/update-cloud";
import { deleteCloud } from "../../services/clouds/delete-cloud";

const ZCloudRow = ZCloud.omit({ clusterCount: true, store: true });
const ZStoreResult = z.object({ id: z.string(), store: ZCloud.shape.store });

export const cloudRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .meta(rest("GET", "/clouds", "List the team's clouds"))
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
  // Store keys are credentials, like a cluster's: only admins set them.
  setStore: roleProcedure("ADMIN")
    .input(ZSetCloudStoreRequest)
    .output(ZStoreResult)
    .mutation(({ ctx, input }) => setCloudStore({ ...ctx.svc, input })),
  clearStore: roleProcedure("ADMIN")
    .input(z.object({ id: zId }))
    .output(ZStoreResult)
    .mutation(({ ctx, input }) => clearCloudStore({ ...ctx.svc, id: input.id })),
  delete: roleProcedure("OPERATOR")
    .input(ZDeleteCloudRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteCloud({ ...ctx.svc, id: input.id })),
});
