// tRPC context: built without a request (tests call procedures through createCaller) or from one.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { getPrisma } from "../db";
import { getSessionUser, type SessionUser } from "../services/auth/get-session-user";
import { listMyTeams, type MyTeam } from "../services/members/list-my-teams";
import { TEAM_COOKIE } from "../domain/values";

export { TEAM_COOKIE };

export interface ContextInner {
  prisma: PrismaClient;
  user: SessionUser | null;
  teams: MyTeam[];
  /** The team the request acts in: the one asked for if the user belongs to it, else their first. */
  team: MyTeam | null;
  requestId: string;
  ip: string | null;
}

export async function createContextInner(opts: {
  prisma: PrismaClient;
  user: SessionUser | null;
  teamId?: string | null;
  requestId?: string;
  ip?: string | null;
}): Promise<ContextInner> {
  const teams = opts.user ? await listMyTeams({ prisma: opts.prisma, userId: opts.user.id }) : [];
  const team = teams.find((t) => t.id === opts.teamId) ?? teams[0] ?? null;
  return {
    prisma: opts.prisma,
    user: opts.user,
    teams,
    team,
    requestId: opts.requestId ?? randomUUID(),
    ip: opts.ip ?? null,
  };
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export async function createContextFromRequest(req: Request): Promise<ContextInner> {
  const headers = req.headers;
  const user = await getSessionUser(headers);
  return createContextInner({
    prisma: getPrisma(),
    user,
    teamId: headers.get("x-tern-team") ?? readCookie(headers.get("cookie"), TEAM_COOKIE),
    requestId: headers.get("x-request-id") ?? randomUUID(),
    ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
  });
}
