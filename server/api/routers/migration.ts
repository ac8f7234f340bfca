// Migrations: plan (preview), request, follow, abort, retry and break-glass a move of a deployment to another cluster.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure } from "../trpc";
import { zId, zPage } from "../../validation/common";
import {
  ZAbortRequest,
  ZBreakGlassRequest,
  ZListMigrationsRequest,
  ZMigrationDetail,
  ZMigrationListItem,
  ZMigrationPreview,
  ZMigrationRequest,
  ZMigrationTargets,
} from "../../validation/migration";
import { previewMigration } from "../../services/migrations/preview-migration";
import { requestMigration } from "../../services/migrations/request-migration";
import { listMigrations } from "../../services/migrations/list-migrations";
import { getMigration } from "../../services/migrations/get-migration";
import { abortMigration } from "../../services/migrations/abort-migration";
import { retryMigration } from "../../services/migrations/retry-migration";
import { migrationTargets } from "../../services/migrations/migration-targets";
import { breakGlassMigration } from "../../services/migrations/break-glass-migration";

export const migrationRouter = createTRPCRouter({
  targets: roleProcedure("OPERATOR")
    .input(z.object({ deploymentId: zId }))
    .output(ZMigrationTargets)
    .query(({ ctx, input }) => migrationTargets({ ...ctx.svc, deploymentId: input.deploymentId })),
  preview: roleProcedure("OPERATOR")
    .meta(rest("POST", "/migrations/preview", "Compute the plan and forecast of a migration without requesting it"))
    .input(ZMigrationRequest)
    .output(ZMigrationPreview)
    .query(({ ctx, input }) => previewMigration({ ...ctx.svc, input })),
  request: roleProcedure("OPERATOR")
    .meta(rest("POST", "/migrations", "Request a migration (it then waits for approval)"))
    .input(ZMigrationRequest)
    .output(z.object({ id: z.string(), planHash: z.string(), requiredApprovals: z.number().int() }))
    .mutation(({ ctx, input }) => requestMigration({ ...ctx.svc, email: ctx.user.email, input })),
  list: roleProcedure("VIEWER")
    .meta(rest("GET", "/migrations", "List migrations"))
    .input(ZListMigrationsRequest)
    .output(zPage(ZMigrationListItem))
    .query(({ ctx, input }) => listMigrations({ ...ctx.svc, input })),
  get: roleProcedure("VIEWER")
    .meta(rest("GET", "/migrations/{id}", "Get a migration with its steps and evidence"))
    .input(z.object({ id: zId }))
    .output(ZMigrationDetail)
    .query(({ ctx, input }) => getMigration({ ...ctx.svc, role: ctx.team.role, id: input.id })),
  abort: roleProcedure("OPERATOR")
    .meta(rest("POST", "/migrations/{id}/abort", "Abort a migration (rolls back)"))
    .input(ZAbortRequest)
    .output(z.object({ id: z.string(), state: z.string() }))
    .mutation(({ ctx, input }) =>
      abortMigration({ ...ctx.svc, email: ctx.user.email, id: input.id, reason: input.reason }),
    ),
  retry: roleProcedure("OPERATOR")
    .meta(rest("POST", "/migrations/{id}/retry", "Request a failed or rolled-back migration again"))
    .input(z.object({ id: zId }))
    .output(z.object({ id: z.string(), planHash: z.string(), requiredApprovals: z.number().int() }))
    .mutation(({ ctx, input }) => retryMigration({ ...ctx.svc, email: ctx.user.email, id: input.id })),
  breakGlass: roleProcedure("ADMIN")
    .meta(rest("POST", "/migrations/{id}/break-glass", "Start a pending migration without approval (audited, flagged)"))
    .input(ZBreakGlassRequest)
    .output(z.object({ id: z.string(), state: z.string() }))
    .mutation(({ ctx, input }) =>
      breakGlassMigration({ ...ctx.svc, email: ctx.user.email, role: ctx.team.role, input }),
    ),
});
