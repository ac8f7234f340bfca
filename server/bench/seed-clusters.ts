// Seeds one team whose clusters point at simulated API servers (credentials encrypted as import-cluster stores
// them) and `perCluster` Deployment rows on each, applied and settled, as Tern's status sync finds them.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import { encryptClusterCredentials, getEncryptionKey } from "../crypto/credentials.ts";
import type { SimEndpoint } from "./sim-fleet-protocol.ts";

export interface SeededCluster {
  id: string;
  deployments: { id: string; name: string }[];
}

export async function seedClusters(
  prisma: PrismaClient,
  endpoints: SimEndpoint[],
  perCluster: number,
  namespace: string,
) {
  const team = await prisma.team.create({ data: { name: "Sync bench", slug: "sync-bench" } });
  const cloud = await prisma.cloud.create({ data: { teamId: team.id, provider: "ONPREM", name: "sim" } });
  const model = await prisma.model.create({
    data: { teamId: team.id, name: "ranker", task: "ranking", framework: "onnx" },
  });
  const version = await prisma.modelVersion.create({
    data: {
      teamId: team.id,
      modelId: model.id,
      version: "3",
      format: "ONNX",
      artifactUri: "s3://models/ranker/3/model.onnx",
      sha256: "c".repeat(64),
      sizeBytes: 1n,
      runtimeImage: "tern/triton:24.05",
    },
  });
  const key = getEncryptionKey();
  const clusters: SeededCluster[] = [];
  for (const [i, ep] of endpoints.entries()) {
    const id = `c${randomBytes(12).toString("hex")}`;
    const cluster = await prisma.cluster.create({
      data: {
        id,
        teamId: team.id,
        cloudId: cloud.id,
        name: `sim-${String(i).padStart(2, "0")}`,
        region: "dc1",
        apiServer: ep.url,
        credentialsCipher: encryptClusterCredentials({ token: ep.token, certificateAuthorityData: ep.caData }, key, id),
      },
      select: { id: true },
    });
    await prisma.deployment.createMany({
      data: Array.from({ length: perCluster }, (_, d) => ({
        teamId: team.id,
        clusterId: cluster.id,
        modelVersionId: version.id,
        namespace,
        name: `ranker-${String(i).padStart(2, "0")}-${String(d).padStart(3, "0")}`,
        replicas: 2,
        gpusPerReplica: 1,
        gpuType: "H100",
        minReplicas: 1,
        maxReplicas: 4,
        latencySloMs: 200,
        specGeneration: 1,
        appliedGeneration: 1,
      })),
    });
    const deployments = await prisma.deployment.findMany({
      where: { clusterId: cluster.id },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    clusters.push({ id: cluster.id, deployments });
  }
  return { teamId: team.id, clusters };
}
