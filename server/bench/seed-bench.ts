// Seeds one team with 10,000 clusters and 10,000 deployments spread over clouds, regions and phases.
import type { PrismaClient } from "../db.ts";
import { CLUSTER_HEALTH as HEALTH, DEPLOYMENT_PHASES, PROVIDERS } from "../domain/values.ts";

const REGIONS = [
  "us-east-1",
  "us-west-2",
  "europe-west4",
  "cn-hangzhou",
  "cn-north-4",
  "ap-southeast-1",
  "eu-central-1",
  "dc1",
];
const PHASES = DEPLOYMENT_PHASES.filter((p) => p !== "Terminating");

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedBench(prisma: PrismaClient, n: number) {
  const team = await prisma.team.create({ data: { name: "Bench", slug: "bench" } });
  const user = await prisma.user.create({ data: { email: "bench@tern.local", name: "Bench" } });
  await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: "VIEWER" } });
  const clouds = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      prisma.cloud.create({
        data: { teamId: team.id, provider: PROVIDERS[i % PROVIDERS.length]!, name: `cloud-${i}` },
      }),
    ),
  );
  await inChunks(
    Array.from({ length: n }, (_, i) => ({
      teamId: team.id,
      cloudId: clouds[i % clouds.length]!.id,
      name: `cluster-${String(i).padStart(5, "0")}`,
      region: REGIONS[(i * 7) % REGIONS.length]!,
      apiServer: `https://10.0.${Math.floor(i / 250)}.${i % 250}:6443`,
      credentialsCipher: "v1:bench",
      health: HEALTH[i % HEALTH.length]!,
      residencyTags: [i % 3 === 0 ? "eu" : "us"],
      gpuCapacity: { H100: { allocatable: i % 16, allocated: 0 } },
    })),
    1000,
    (data) => prisma.cluster.createMany({ data }),
  );
  const clusterIds = (await prisma.cluster.findMany({ where: { teamId: team.id }, select: { id: true } })).map(
    (c) => c.id,
  );
  const model = await prisma.model.create({
    data: { teamId: team.id, name: "bench-model", task: "ranking", framework: "onnx" },
  });
  const version = await prisma.modelVersion.create({
    data: {
      teamId: team.id,
      modelId: model.id,
      version: "1",
      format: "ONNX",
      artifactUri: "s3://b/m",
      sha256: "a".repeat(64),
      sizeBytes: 1n,
      runtimeImage: "img:1",
    },
  });
  await inChunks(
    Array.from({ length: n }, (_, i) => ({
      teamId: team.id,
      clusterId: clusterIds[i % clusterIds.length]!,
      modelVersionId: version.id,
      namespace: "models",
      name: `deploy-${String(i).padStart(5, "0")}`,
      replicas: (i % 8) + 1,
      readyReplicas: i % 8,
      gpusPerReplica: 1,
      gpuType: "H100",
      minReplicas: 1,
      maxReplicas: 8,
      latencySloMs: 200,
      phase: PHASES[i % PHASES.length]!,
    })),
    1000,
    (data) => prisma.deployment.createMany({ data }),
  );
  return { teamId: team.id, user: { id: user.id, email: user.email } };
}
