// The Gateway API router's gateway cluster: a registered cluster found by id or name, connected with its stored
// credentials (decrypted here, server-side, and never logged).
import { connectStoredCluster } from "../../clusters/driver";
import { getPrisma } from "../../db";
import type { PrismaClient } from "../../generated/prisma/client";
import type { GatewayCluster } from "../../migrations/traffic/gateway-api-traffic-router";
import { TrafficRouterError } from "../../migrations/traffic/traffic-router";
import { loadStoredClusters } from "../clusters/cluster-connection";

export async function connectGatewayCluster(opts: { cluster: string; prisma?: PrismaClient }): Promise<GatewayCluster> {
  const prisma = opts.prisma ?? getPrisma();
  const rows = await prisma.cluster.findMany({
    where: { OR: [{ id: opts.cluster }, { name: opts.cluster }] },
    select: { id: true, name: true },
    take: 2,
  });
  if (rows.length === 0)
    throw new TrafficRouterError(
      "unavailable",
      `TERN_GATEWAY_CLUSTER '${opts.cluster}' names no registered cluster; register the gateway cluster or fix the setting`,
    );
  const byId = rows.find((r) => r.id === opts.cluster);
  if (!byId && rows.length > 1)
    throw new TrafficRouterError(
      "unavailable",
      `TERN_GATEWAY_CLUSTER '${opts.cluster}' names clusters of several teams; set it to the cluster's id instead`,
    );
  const [stored] = await loadStoredClusters({ prisma, ids: [(byId ?? rows[0]!).id] });
  if (!stored) throw new TrafficRouterError("unavailable", `the gateway cluster '${opts.cluster}' was deleted`);
  return { name: stored.name, routes: connectStoredCluster(stored).httpRoutes };
}
