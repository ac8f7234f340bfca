// "Test connection": a quick, time-limited read of the cluster (version, rights, GPUs); never echoes a body.
import { connectStoredCluster, DriverError } from "../../clusters/driver";
import { notFound } from "../../errors";
import type { TeamScope } from "../context";
import { recordClusterCapacity, recordClusterHealth } from "./record-cluster-observation";

export async function testClusterConnection(opts: TeamScope & { id: string }) {
  const row = await opts.prisma.cluster.findFirst({
    where: { id: opts.id, teamId: opts.teamId },
    select: { id: true, apiServer: true, credentialsCipher: true },
  });
  if (!row) throw notFound("cluster");
  try {
    const result = await connectStoredCluster({ clusterId: row.id, ...row }, { timeoutMs: 5_000 }).testConnection();
    if (!result.ok) {
      await recordClusterHealth({
        prisma: opts.prisma,
        clusterId: row.id,
        health: "UNREACHABLE",
        message: result.error.message,
      });
      return { ok: false as const, error: result.error.message, kind: result.error.kind };
    }
    await recordClusterHealth({ prisma: opts.prisma, clusterId: row.id, health: "HEALTHY" });
    await recordClusterCapacity({
      prisma: opts.prisma,
      clusterId: row.id,
      gpuCapacity: result.gpuCapacity,
      nodes: result.nodes,
    });
    return {
      ok: true as const,
      version: result.version,
      canCreateDeployments: result.canCreateDeployments,
      gpuCapacity: result.gpuCapacity,
      nodes: result.nodes.length,
    };
  } catch (e) {
    const message = e instanceof DriverError ? e.message : "the connection test failed";
    return { ok: false as const, error: message, kind: "unknown" };
  }
}
