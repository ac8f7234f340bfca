// Revokes an API token at once: its owner can revoke their own, a team admin anyone's in the team.
import type { Role } from "../../domain/values";
import { notFound } from "../../errors";
import type { TeamScope } from "../context";

export async function revokeApiToken(
  opts: TeamScope & { role: Role; id: string; now?: Date },
): Promise<{ id: string; revokedAt: Date }> {
  const now = opts.now ?? new Date();
  const token = await opts.prisma.apiToken.findFirst({
    where: { id: opts.id, teamId: opts.teamId, ...(opts.role === "ADMIN" ? {} : { userId: opts.userId }) },
    select: { id: true, revokedAt: true },
  });
  if (!token) throw notFound("API token");
  if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
  await opts.prisma.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
  return { id: token.id, revokedAt: now };
}
