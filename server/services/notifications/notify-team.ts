// In-app notifications for a team (optionally only for a role and above) and the team's outgoing webhook.
import type { PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { sendTeamWebhook } from "./send-team-webhook";

export async function notifyTeam(opts: {
  prisma: PrismaClient;
  teamId: string;
  kind: string;
  title: string;
  migrationId?: string;
  minRole?: Role;
  link?: string;
}): Promise<void> {
  await opts.prisma.notification.create({
    data: {
      teamId: opts.teamId,
      kind: opts.kind,
      title: opts.title,
      migrationId: opts.migrationId ?? null,
      minRole: opts.minRole ?? "VIEWER",
    },
  });
  // The webhook is best effort and never delays the caller: a slow receiver cannot hold a request.
  void sendTeamWebhook({
    prisma: opts.prisma,
    teamId: opts.teamId,
    event: opts.kind,
    text: opts.title,
    link: opts.link,
  }).catch(() => {});
}
