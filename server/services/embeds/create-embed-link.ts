// Makes a read-only link to one chart of one deployment. The token is returned once and only its hash is
// stored; the audit log records the request (which holds no token), never this answer.
import type { z } from "zod";
import { createEmbedToken } from "../../embeds/embed-token";
import { notFound } from "../../errors";
import type { CreatedEmbedDto, ZCreateEmbedRequest } from "../../validation/embed";
import type { TeamScope } from "../context";
import { METRIC_LABELS } from "./embed-metrics";

const DAY_MS = 86_400_000;

export function rangeLabel(minutes: number): string {
  if (minutes > 1440 && minutes % 1440 === 0) return `${minutes / 1440} d`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

export function defaultEmbedTitle(
  deployment: string,
  metric: keyof typeof METRIC_LABELS,
  rangeMinutes: number,
  live: boolean,
): string {
  return `${deployment} · ${METRIC_LABELS[metric]} · ${live ? "last " : ""}${rangeLabel(rangeMinutes)}`;
}

export async function createEmbedLink(
  opts: TeamScope & { input: z.output<typeof ZCreateEmbedRequest>; now?: Date },
): Promise<CreatedEmbedDto> {
  const { input } = opts;
  const now = opts.now ?? new Date();
  const deployment = await opts.prisma.deployment.findFirst({
    where: { id: input.deploymentId, teamId: opts.teamId },
    select: { id: true, name: true },
  });
  if (!deployment) throw notFound("deployment");
  const { token, hash } = createEmbedToken();
  const link = await opts.prisma.embedLink.create({
    data: {
      teamId: opts.teamId,
      deploymentId: deployment.id,
      metric: input.metric,
      rangeMinutes: input.rangeMinutes,
      live: input.live,
      title: input.title ?? defaultEmbedTitle(deployment.name, input.metric, input.rangeMinutes, input.live),
      tokenHash: hash,
      createdById: opts.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    select: { id: true, title: true, rangeMinutes: true, live: true, expiresAt: true },
  });
  return {
    ...link,
    metric: input.metric,
    token,
    embedPath: `/embed/${token}`,
    svgPath: `/api/embed/${token}/svg`,
  };
}
