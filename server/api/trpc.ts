// tRPC wiring: superjson, one error translation, and the procedure ladder (public → signed-in → role).
// Every procedure is built from `guarded`, which refuses any procedure without a declared access rule.
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "../generated/prisma/enums";
import { AppError, fromPrismaError } from "../errors";
import { roleAtLeast } from "../auth/roles";
import { recordAuditEvent, settleAuditEvent } from "../services/audit/record-audit-event";
import { recordAnonymousRefusal } from "../services/audit/record-anonymous-refusal";
import type { ContextInner } from "./context";
import { logger } from "../log";
import { requiredScope } from "../auth/api-token";

export type Access = "public" | "signedIn" | Role;
export interface Meta {
  access?: Access;
  /** false: API tokens may not call it (managing tokens, profile, team switching belong to the browser). */
  tokens?: false;
}

const t = initTRPC
  .context<ContextInner>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        message: publicMessage(error, ctx?.requestId),
        data: {
          ...shape.data,
          stack: undefined,
          field: error.cause instanceof AppError ? (error.cause.field ?? null) : null,
          zodIssues: zod ? zod.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null,
        },
      };
    },
  });

/**
 * The safety net for errors raised outside the procedures (context creation, batch parsing): an internal
 * error reaches the browser only as "internal error (request <id>)", its detail only in the server log.
 */
function publicMessage(error: TRPCError, requestId: string | undefined): string {
  if (error.message === "Batch call exceeds maximum size") {
    return `a request may batch at most ${MAX_BATCH_SIZE} calls; send fewer at once`;
  }
  // AppError messages are written for users; everything else internal is opaque.
  if (
    error.code !== "INTERNAL_SERVER_ERROR" ||
    error.cause instanceof AppError ||
    /request [^\s)]+\)$/.test(error.message)
  )
    return error.message;
  const id = requestId ?? randomUUID();
  logger(`request ${id}`).error("failed", error.cause ?? error);
  return `internal error (request ${id})`;
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

function toTRPCError(error: TRPCError, requestId: string): TRPCError {
  const err = error.cause;
  if (err instanceof AppError) return new TRPCError({ code: err.code, message: err.message, cause: err });
  if (error.code !== "INTERNAL_SERVER_ERROR") return error;
  const known = fromPrismaError(err, "an object with that name already exists in this team; pick another name");
  if (known) return new TRPCError({ code: known.code, message: known.message, cause: known });
  // Unknown errors stay opaque to the client; the server log has the details (never secrets: see redact).
  logger(`request ${requestId}`).error("failed", err);
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `internal error (request ${requestId})` });
}

function targetOf(raw: unknown, data: unknown): string | null {
  for (const v of [raw, data]) {
    if (v && typeof v === "object" && "id" in v && typeof v.id === "string") {
      return (v as { id: string }).id;
    }
  }
  return null;
}

/** How the actor authenticated, for the audit row: an API token names itself by its shown prefix. */
const via = (ctx: ContextInner) => (ctx.token ? { via: `API token ${ctx.token.prefix}…` } : {});

/** Most calls one HTTP request may batch; more are refused before any runs (see the route handler). */
export const MAX_BATCH_SIZE = 20;

function refusalAudit(ctx: ContextInner, path: string, raw: unknown, error: TRPCError): Promise<unknown> {
  // Anonymous refusals are counted per address and window, not stored one by one (audit flooding).
  if (!ctx.user) {
    return recordAnonymousRefusal({
      prisma: ctx.prisma,
      ip: ctx.ip,
      action: path,
      requestId: ctx.requestId,
      reason: error.message,
    });
  }
  return recordAuditEvent({
    prisma: ctx.prisma,
    teamId: ctx.team?.id ?? null,
    actorId: ctx.user.id,
    actorEmail: ctx.user.email,
    action: path,
    targetId: targetOf(raw, null),
    outcome: "DENIED",
    requestId: ctx.requestId,
    ip: ctx.ip,
    details: { input: raw, ...via(ctx), error: error.code, message: error.message },
  });
}

/**
 * Translates errors and audits every mutation and every refused call. A mutation's audit row is written
 * (PENDING) before the mutation runs: if that write fails, nothing runs and the caller gets an error; the
 * row is settled with the outcome afterwards, and if that fails the caller gets an error too (the row
 * stays PENDING, so the attempt is never lost). No change is ever made without an audit row.
 */
const audited = t.middleware(async (opts) => {
  const { ctx, type, path, meta } = opts;
  const raw = await opts.getRawInput().catch(() => undefined);
  // An anonymous call to a non-public procedure is refused before it can change anything.
  const intentFirst = type === "mutation" && (ctx.user !== null || meta?.access === "public");
  let pendingId: string | null = null;
  if (intentFirst) {
    try {
      pendingId = await recordAuditEvent({
        prisma: ctx.prisma,
        teamId: ctx.team?.id ?? null,
        actorId: ctx.user?.id ?? null,
        actorEmail: ctx.user?.email ?? null,
        action: path,
        targetId: targetOf(raw, null),
        outcome: "PENDING",
        requestId: ctx.requestId,
        ip: ctx.ip,
        details: { input: raw, ...via(ctx) },
      });
    } catch (e) {
      logger(`request ${ctx.requestId}`).error(`audit write failed, ${path} not run`, e);
      throw new TRPCError({
        code: "INTERNAL_SERVER_ERROR",
        message: `the audit log could not be written, so nothing was changed; try again (request ${ctx.requestId})`,
      });
    }
  }
  const result = await opts.next();
  const error = result.ok ? null : toTRPCError(result.error, ctx.requestId);
  const denied = error && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN");
  if (pendingId) {
    try {
      await settleAuditEvent({
        prisma: ctx.prisma,
        id: pendingId,
        outcome: denied ? "DENIED" : error ? "FAILED" : "SUCCESS",
        targetId: targetOf(raw, result.ok ? result.data : null),
        details: { input: raw, ...via(ctx), ...(error ? { error: error.code, message: error.message } : {}) },
      });
    } catch (e) {
      logger(`request ${ctx.requestId}`).error(`audit outcome of ${path} not recorded`, e);
      if (!error) {
        throw new TRPCError({
          code: "INTERNAL_SERVER_ERROR",
          message: `the change was applied but its audit outcome could not be recorded (it shows as PENDING in the audit log; request ${ctx.requestId})`,
        });
      }
    }
  } else if (denied) {
    await refusalAudit(ctx, path, raw, error).catch((e: unknown) =>
      logger(`request ${ctx.requestId}`).error("audit write of a refusal failed", e),
    );
  }
  if (error) throw error;
  return result;
});

/** Deny by default: a procedure that did not declare who may call it cannot be called at all. */
const declared = t.middleware(({ meta, next }) => {
  if (!meta?.access) throw new TRPCError({ code: "FORBIDDEN", message: "this procedure declares no access rule" });
  return next();
});

/** A call made with an API token needs the scope the procedure calls for (server/auth/api-token.ts). */
const scoped = t.middleware(({ ctx, meta, type, path, next }) => {
  if (!ctx.token) return next();
  const need = meta?.tokens === false ? null : requiredScope(type, path, meta!.access!);
  if (!need)
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `${path} cannot be called with an API token; do it in the browser`,
    });
  if (!ctx.token.scopes.includes(need))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `this API token (${ctx.token.prefix}…) lacks the ${need} scope that ${path} needs; create a token with it under Settings → API tokens`,
    });
  return next();
});

const guarded = t.procedure.use(audited).use(declared).use(scoped);

export const publicProcedure = guarded.meta({ access: "public" });

export const signedInProcedure = guarded.meta({ access: "signedIn" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.authProblem ?? "sign in to continue" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A procedure that needs at least `role` in the current team; ctx.team is then non-null. */
export function roleProcedure(role: Role) {
  return guarded.meta({ access: role }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.authProblem ?? "sign in to continue" });
    if (!ctx.team)
      throw new TRPCError({
        code: "FORBIDDEN",
        message: ctx.token
          ? "this API token's user is no longer a member of its team"
          : "you are not a member of any team yet",
      });
    if (!roleAtLeast(ctx.team.role, role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `this needs the ${role} role in team '${ctx.team.name}' (you are ${ctx.team.role}); ask a team admin`,
      });
    }
    return next({
      ctx: {
        ...ctx,
        user: ctx.user,
        team: ctx.team,
        svc: { prisma: ctx.prisma, teamId: ctx.team.id, userId: ctx.user.id },
      },
    });
  });
}
