// Makes an API token for the caller in the current team. Its scopes can never exceed the caller's role; the
// token is answered once and only its hash is stored (the audit log records the request, which holds none).
import type { z } from "zod";
import { mintApiToken as newToken } from "../../auth/api-token";
import { API_SCOPES, roleAtLeast, SCOPE_MIN_ROLE, type Role } from "../../domain/values";
import { AppError } from "../../errors";
import type { ZCreateApiTokenRequest, ZCreatedApiToken } from "../../validation/api-token";
import type { TeamScope } from "../context";
import { API_TOKEN_SELECT, toApiTokenDto } from "./api-token-dto";

/** Tokens one user may hold in one team (revoked and expired ones included until deleted with the team). */
export const MAX_TOKENS_PER_USER = 50;

export async function createApiToken(
  opts: TeamScope & { role: Role; input: z.output<typeof ZCreateApiTokenRequest>; now?: Date },
): Promise<z.output<typeof ZCreatedApiToken>> {
  const now = opts.now ?? new Date();
  const scopes = API_SCOPES.filter((s) => s === "READ" || opts.input.scopes.includes(s));
  const beyond = scopes.filter((s) => !roleAtLeast(opts.role, SCOPE_MIN_ROLE[s]));
  if (beyond.length)
    throw new AppError(
      "FORBIDDEN",
      `scope ${beyond.join(", ")} needs the ${SCOPE_MIN_ROLE[beyond[0]!]} role and you are ${opts.role} in this team; leave it out or ask a team admin`,
    );
  const held = await opts.prisma.apiToken.count({ where: { teamId: opts.teamId, userId: opts.userId } });
  if (held >= MAX_TOKENS_PER_USER)
    throw new AppError("BAD_REQUEST", `you already have ${held} tokens in this team; revoke ones you no longer use`);
  const { token, hash, prefix } = newToken();
  const row = await opts.prisma.apiToken.create({
    data: {
      teamId: opts.teamId,
      userId: opts.userId,
      name: opts.input.name,
      prefix,
      tokenHash: hash,
      scopes,
      expiresAt: new Date(now.getTime() + opts.input.expiresInDays * 86_400_000),
    },
    select: API_TOKEN_SELECT,
  });
  return { ...toApiTokenDto(row, now), token };
}
