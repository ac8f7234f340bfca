// What the deploy form offers: the team's clusters (with GPU types seen) and model versions.
import type { TeamScope } from "../context";
import { clusterSelect, toClusterDto } from "../clusters/cluster-select";

export async function deploymentOptions(opts: TeamScope) {
  const [clusters, versions] = await Promise.all([
    opts.prisma.cluster.findMany({
      where: { teamId: opts.teamId },
      orderBy: { name: "asc" },
      take: 500,
      select: clusterSelect,
    }),
    opts.prisma.modelVersion.findMany({
      where: { teamId: opts.teamId },
      orderBy: [{ model: { name: "asc" } }, { createdAt: "desc" }],
      take: 500,
      select: { id: true, version: true, format: true, model: { select: { name: true } } },
    }),
  ]);
  return {
    clusters: clusters.map(toClusterDto).map((c) => ({
      id: c.id,
      name: c.name,
      region: c.region,
      provider: c.cloud.provider,
      health: c.health,
      residencyTags: c.residencyTags,
      gpuTypes: Object.keys(c.gpuCapacity).sort(),
    })),
    versions: versions.map((v) => ({ id: v.id, label: `${v.model.name}@${v.version}`, format: v.format })),
  };
}
