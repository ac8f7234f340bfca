// tRPC wiring: superjson, one error translation, and the procedure ladder (public → signed-in → role).
// Every procedure is built from `guarded`, which refuses any procedure without a declared access rule.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "../generated/prisma/enums";
import { AppError, fromPrismaError } from "../errors";
import { roleAtLeast } from "../auth/roles";
import { recordAuditEvent } from "../services/audit/record-audit-event";
import type { ContextInner } from "./context";

export type Access = "public" | "signedIn" | Role;
export interface Meta {
  access?: Access;
}

const t = initTRPC
  .context<ContextInner>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        data: {
          ...shape.data,
          stack: undefined,
          field: error.cause instanceof AppError ? (error.cause.field ?? null) : null,
          zodIssues: zod ? zod.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

function toTRPCError(error: TRPCError, requestId: string): TRPCError {
  const err = error.cause;
  if (err instanceof AppError) return new TRPCError({ code: err.code, message: err.message, cause: err });
  if (error.code !== "INTERNAL_SERVER_ERROR") return error;
  const known = fromPrismaError(err, "an object with that name already exists in this team; pick another name");
  if (known) return new TRPCError({ code: known.code, message: known.message, cause: known });
  // Unknown errors stay opaque to the client; the server log has the details (never secrets: see redact).
  console.error(`[tern] request ${requestId} failed:`, err instanceof Error ? err.message : String(err));
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `internal error (request ${requestId})` });
}

function targetOf(raw: unknown, data: unknown): string | null {
  for (const v of [raw, data]) {
    if (v && typeof v === "object" && "id" in v && typeof (v).id === "string") {
      return (v as { id: string }).id;
    }
  }
  return null;
}

/** Translates errors and audits every mutation and every refused call. */
const audited = t.middleware(async (opts) => {
  const { ctx, type, path } = opts;
  const result = await opts.next();
  const error = result.ok ? null : toTRPCError(result.error, ctx.requestId);
  const denied = error && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN");
  if (type === "mutation" || denied) {
    const raw = await opts.getRawInput().catch(() => undefined);
    await recordAuditEvent({
      prisma: ctx.prisma,
      teamId: ctx.team?.id ?? null,
      actorId: ctx.user?.id ?? null,
      actorEmail: ctx.user?.email ?? null,
      action: path,
      targetId: targetOf(raw, result.ok ? result.data : null),
      outcome: denied ? "DENIED" : error ? "FAILED" : "SUCCESS",
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: { input: raw, ...(error ? { error: error.code, message: error.message } : {}) },
    }).catch((e: unknown) => console.error("[tern] audit write failed:", e instanceof Error ? e.message : e));
  }
  if (error) throw error;
  return result;
});

/** Deny by default: a procedure that did not declare who may call it cannot be called at all. */
const declared = t.middleware(({ meta, next }) => {
  if (!meta?.access) throw new TRPCError({ code: "FORBIDDEN", message: "this procedure declares no access rule" });
  return next();
});

const guarded = t.procedure.use(audited).use(declared);

export const publicProcedure = guarded.meta({ access: "public" });

export const signedInProcedure = guarded.meta({ access: "signedIn" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in to continue" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A procedure that needs at least `role` in the current team; ctx.team is then non-null. */
export function roleProcedure(role: Role) {
  return guarded.meta({ access: role }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in to continue" });
    if (!ctx.team) throw new TRPCError({ code: "FORBIDDEN", message: "you are not a member of any team yet" });
    if (!roleAtLeast(ctx.team.role, role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `this needs the ${role} role in team '${ctx.team.name}' (you are ${ctx.team.role}); ask a team admin`,
      });
    }
    return next({ ctx: { ...ctx, user: ctx.user, team: ctx.team, svc: { prisma: ctx.prisma, teamId: ctx.team.id, userId: ctx.user.id } } });
  });
}
