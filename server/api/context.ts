// tRPC context: built without a request (tests call procedures through createCaller) or from one.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "../generated/prisma/client";
import { getPrisma } from "../db";
import { clientAddress } from "../auth/client-address";
import { requestIdOf } from "../audit/request-id";
import { getSessionUser, type SessionUser } from "../services/auth/get-session-user";
import { listMyTeams, type MyTeam } from "../services/members/list-my-teams";
import { logger } from "../log";
import { bearerToken } from "../auth/api-token";
import type { ApiScope } from "../domain/values";
import { resolveApiToken } from "../services/api-tokens/resolve-api-token";

export interface ContextInner {
  prisma: PrismaClient;
  user: SessionUser | null;
  teams: MyTeam[];
  /**
   * The team the request acts in: the one the request names (x-tern-team) if the user belongs to it,
   * else the one they last chose in the team switcher (User.currentTeamId), else their oldest membership.
   */
  team: MyTeam | null;
  requestId: string;
  ip: string | null;
  /** Set when the request authenticated with an API token (Authorization: Bearer); the team is then the token's. */
  token: { id: string; prefix: string; scopes: ApiScope[] } | null;
  /** Why the request has no user although it presented credentials (a bad token), for the refusal message. */
  authProblem: string | null;
}

export async function createContextInner(opts: {
  prisma: PrismaClient;
  user: SessionUser | null;
  teamId?: string | null;
  requestId?: string;
  ip?: string | null;
  token?: ContextInner["token"];
  authProblem?: string | null;
}): Promise<ContextInner> {
  const [teams, remembered] = opts.user
    ? await Promise.all([
        listMyTeams({ prisma: opts.prisma, userId: opts.user.id }),
        opts.prisma.user.findUnique({ where: { id: opts.user.id }, select: { currentTeamId: true } }),
      ])
    : [[], null];
  // A token acts only in its own team (and not at all once its user has left it).
  const team = opts.token
    ? (teams.find((t) => t.id === opts.teamId) ?? null)
    : (teams.find((t) => t.id === opts.teamId) ??
      teams.find((t) => t.id === remembered?.currentTeamId) ??
      teams[0] ??
      null);
  return {
    prisma: opts.prisma,
    user: opts.user,
    teams,
    team,
    requestId: opts.requestId ?? randomUUID(),
    ip: opts.ip ?? null,
    token: opts.token ?? null,
    authProblem: opts.authProblem ?? null,
  };
}

export async function createContextFromRequest(req: Request): Promise<ContextInner> {
  const headers = req.headers;
  const requestId = requestIdOf(headers);
  const ip = clientAddress(headers);
  try {
    const bearer = bearerToken(headers);
    if (bearer !== null) {
      // A token request never reads the session cookie: it is who the token says, in the token's team.
      const actor = await resolveApiToken({ prisma: getPrisma(), token: bearer, ip });
      return await createContextInner({
        prisma: getPrisma(),
        user: actor?.user ?? null,
        teamId: actor?.teamId ?? null,
        requestId,
        ip,
        token: actor?.token ?? null,
        authProblem: actor
          ? null
          : "the API token is not valid (unknown, expired or revoked); create one under Settings → API tokens",
      });
    }
    const user = await getSessionUser(headers);
    return await createContextInner({ prisma: getPrisma(), user, teamId: headers.get("x-tern-team"), requestId, ip });
  } catch (error) {
    // A database (or session store) failure: the browser gets an opaque message, the log the detail.
    logger(`request ${requestId}`).error("context creation failed", error);
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `internal error (request ${requestId})` });
  }
}
