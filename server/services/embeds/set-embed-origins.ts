// Replaces the team's allowed wiki origins (validated and normalised by ZSetEmbedOriginsRequest).
import type { TeamScope } from "../context";
import { forgetTeamEmbedLinks } from "./resolve-embed-link";
import { publishChange } from "../changes/change-bus";

export async function setEmbedOrigins(opts: TeamScope & { origins: string[] }): Promise<{ origins: string[] }> {
  const team = await opts.prisma.team.update({
    where: { id: opts.teamId },
    data: { embedOrigins: opts.origins },
    select: { embedOrigins: true },
  });
  forgetTeamEmbedLinks(opts.teamId);
  // Every other replica drops its cached links of the team too.
  publishChange({ kind: "embed", teamId: opts.teamId, id: opts.teamId, reason: "origins" });
  return { origins: team.embedOrigins };
}
