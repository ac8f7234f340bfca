// Replaces the team's allowed wiki origins (validated and normalised by ZSetEmbedOriginsRequest).
import type { TeamScope } from "../context";
import { forgetTeamEmbedLinks } from "./resolve-embed-link";

export async function setEmbedOrigins(opts: TeamScope & { origins: string[] }): Promise<{ origins: string[] }> {
  const team = await opts.prisma.team.update({
    where: { id: opts.teamId },
    data: { embedOrigins: opts.origins },
    select: { embedOrigins: true },
  });
  forgetTeamEmbedLinks(opts.teamId);
  return { origins: team.embedOrigins };
}
