// The caller's API tokens in the current team; an admin sees every member's (to revoke a leaked one).
import type { Role } from "../../domain/values";
import type { ApiTokenDto } from "../../validation/api-token";
import type { TeamScope } from "../context";
import { API_TOKEN_SELECT, toApiTokenDto } from "./api-token-dto";

export async function listApiTokens(opts: TeamScope & { role: Role; now?: Date }): Promise<ApiTokenDto[]> {
  const now = opts.now ?? new Date();
  const rows = await opts.prisma.apiToken.findMany({
    where: { teamId: opts.teamId, ...(opts.role === "ADMIN" ? {} : { userId: opts.userId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: API_TOKEN_SELECT,
  });
  return rows.map((r) => toApiTokenDto(r, now));
}
