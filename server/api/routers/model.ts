// Models and their versions.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure } from "../trpc";
import { zId, zPage } from "../../validation/common";
import {
  ZCreateModelRequest,
  ZCreateModelVersionRequest,
  ZListModelsRequest,
  ZModel,
  ZModelDetail,
} from "../../validation/model";
import { createModel } from "../../services/models/create-model";
import { listModels } from "../../services/models/list-models";
import { getModel } from "../../services/models/get-model";
import { createModelVersion } from "../../services/models/create-model-version";
import { deleteModel } from "../../services/models/delete-model";

const ZCreated = z.object({ id: z.string() });

export const modelRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .meta(rest("GET", "/models", "List the team's models"))
    .input(ZListModelsRequest)
    .output(zPage(ZModel))
    .query(({ ctx, input }) => listModels({ ...ctx.svc, input })),
  get: roleProcedure("VIEWER")
    .meta(rest("GET", "/models/{id}", "Get a model with its versions"))
    .input(z.object({ id: zId }))
    .output(ZModelDetail)
    .query(({ ctx, input }) => getModel({ ...ctx.svc, id: input.id })),
  create: roleProcedure("OPERATOR")
    .input(ZCreateModelRequest)
    .output(ZCreated.extend({ name: z.string() }))
    .mutation(({ ctx, input }) => createModel({ ...ctx.svc, input })),
  createVersion: roleProcedure("OPERATOR")
    .input(ZCreateModelVersionRequest)
    .output(ZCreated.extend({ version: z.string() }))
    .mutation(({ ctx, input }) => createModelVersion({ ...ctx.svc, input })),
  delete: roleProcedure("OPERATOR")
    .input(z.object({ id: zId }))
    .output(ZCreated)
    .mutation(({ ctx, input }) => deleteModel({ ...ctx.svc, id: input.id })),
});
