// Revokes an embed link: it stops working at once in this process and, through the change feed, on every
// replica (within a minute should that notice be lost).
import { notFound } from "../../errors";
import type { TeamScope } from "../context";
import { forgetEmbedSeries } from "./render-embed-chart";
import { forgetEmbedLink } from "./resolve-embed-link";
import { publishChange } from "../changes/change-bus";

export async function revokeEmbedLink(
  opts: TeamScope & { id: string; now?: Date },
): Promise<{ id: string; revokedAt: Date }> {
  const now = opts.now ?? new Date();
  const link = await opts.prisma.embedLink.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true, revokedAt: true },
  });
  if (!link) throw notFound("embed link");
  // Revoking twice keeps the first time: the audit log and the list agree on when it stopped working.
  if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt };
  await opts.prisma.embedLink.updateMany({
    where: { id: link.id, teamId: opts.teamId, revokedAt: null },
    data: { revokedAt: now },
  });
  // After the write, so a view racing with this call cannot cache the link as still valid.
  forgetEmbedLink(link.id);
  forgetEmbedSeries(link.id);
  publishChange({ kind: "embed", teamId: opts.teamId, id: link.id, reason: "revoked" });
  return { id: link.id, revokedAt: now };
}
