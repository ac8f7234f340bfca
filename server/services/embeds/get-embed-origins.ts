// The wiki origins the team allows to frame its live charts.
import type { TeamScope } from "../context";

export async function getEmbedOrigins(opts: TeamScope): Promise<{ origins: string[] }> {
  const team = await opts.prisma.team.findUniqueOrThrow({ where: { id: opts.teamId }, select: { embedOrigins: true } });
  return { origins: team.embedOrigins };
}
