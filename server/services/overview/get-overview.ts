// Inventory totals for the overview page.
import type { TeamScope } from "../context";

export async function getOverview(opts: TeamScope) {
  const where = { teamId: opts.teamId };
  const [clouds, clusters, models, deployments, unhealthy, prices] = await Promise.all([
    opts.prisma.cloud.count({ where }),
    opts.prisma.cluster.count({ where }),
    opts.prisma.model.count({ where }),
    opts.prisma.deployment.count({ where }),
    opts.prisma.cluster.count({ where: { ...where, health: { in: ["DEGRADED", "UNREACHABLE"] } } }),
    opts.prisma.gpuPrice.count({ where }),
  ]);
  return { clouds, clusters, models, deployments, unhealthyClusters: unhealthy, gpuPrices: prices };
}
