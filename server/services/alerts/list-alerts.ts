// The team's SLO alerts, newest first: firing ones on the overview, a deployment's timeline on its page.
import type { AlertDto } from "../../validation/alert";
import type { TeamScope } from "../context";

export async function listAlerts(
  opts: TeamScope & { deploymentId?: string; status?: "FIRING" | "RESOLVED"; limit: number },
): Promise<AlertDto[]> {
  return opts.prisma.alert.findMany({
    where: {
      teamId: opts.teamId,
      ...(opts.deploymentId ? { deploymentId: opts.deploymentId } : {}),
      ...(opts.status ? { status: opts.status } : {}),
    },
    orderBy: { startsAt: "desc" },
    take: opts.limit,
    select: {
      id: true,
      name: true,
      severity: true,
      status: true,
      summary: true,
      startsAt: true,
      endsAt: true,
      deployment: { select: { id: true, name: true, namespace: true } },
    },
  });
}
