// Edits a cluster's region, Prometheus URL and residency tags (credentials are replaced by re-import).
import type { z } from "zod";
import { notFound } from "../../errors";
import type { ZUpdateClusterRequest } from "../../validation/cluster";
import type { TeamScope } from "../context";
import { checkPrometheusUrl } from "./check-cluster-urls";
import { clusterSelect, toClusterDto } from "./cluster-select";

export async function updateCluster(opts: TeamScope & { input: z.output<typeof ZUpdateClusterRequest> }) {
  const { id, region, prometheusUrl, residencyTags } = opts.input;
  await checkPrometheusUrl(prometheusUrl);
  const res = await opts.prisma.cluster.updateMany({
    where: { id, teamId: opts.teamId },
    data: { region, prometheusUrl: prometheusUrl ?? null, residencyTags: [...new Set(residencyTags)] },
  });
  if (res.count === 0) throw notFound("cluster");
  const row = await opts.prisma.cluster.findUniqueOrThrow({ where: { id }, select: clusterSelect });
  return toClusterDto(row);
}
