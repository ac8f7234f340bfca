// Registers the running simulated fleet in the demo team: its clouds, its clusters (imported from the
// simulator's kubeconfig like any other cluster), and the demo deployments Tern then applies to them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Provider } from "../../generated/prisma/enums";
import { importCluster } from "../../services/clusters/import-cluster";
import { DEMO_USERS } from "./demo-users";
import { encryptStoreSettings, type ObjectStoreSettings } from "../../migrations/artifacts/store-settings";
import { readSimObjectStores } from "./read-sim-object-stores";

export interface FleetManifest {
  clouds: { id: string; provider: string; region: string }[];
  glb?: { metricsUrl: string };
  clusters: {
    name: string;
    context: string;
    cloud: string;
    region: string;
    residency: string[];
    metricsUrl: string;
    gpus: Record<string, number>;
  }[];
}

/** Demo deployments: one per demo model, in its home cloud (Tern applies them through the driver). */
export const DEMO_DEPLOYMENTS = [
  {
    cluster: "aws-use1-gpu",
    model: "credit-risk",
    version: "1.0.0",
    name: "credit-risk",
    gpuType: "A10G",
    replicas: 2,
    sloMs: 120,
  },
  {
    cluster: "gcp-euw4-gpu",
    model: "sentiment",
    version: "1.0.0",
    name: "sentiment",
    gpuType: "L4",
    replicas: 2,
    sloMs: 200,
  },
  {
    cluster: "ack-hangzhou",
    model: "ranker",
    version: "1.0.0",
    name: "ranker",
    gpuType: "A10",
    replicas: 1,
    sloMs: 300,
  },
];

export async function readFleetManifest(dataDir: string): Promise<FleetManifest> {
  return JSON.parse(await readFile(path.join(dataDir, "sim", "fleet.json"), "utf8")) as FleetManifest;
}

export async function registerSimFleet(opts: {
  prisma: PrismaClient;
  teamId: string;
  dataDir: string;
  log: (m: string) => void;
}) {
  const { prisma, teamId } = opts;
  const manifest = await readFleetManifest(opts.dataDir);
  const kubeconfig = await readFile(path.join(opts.dataDir, "sim", "kubeconfig"), "utf8");
  const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
  const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: admin.email }, select: { id: true } });

  // An older fleet without S3 stores: migrations across clouds then say the store is missing.
  const stores = await readSimObjectStores(opts.dataDir).catch(() => new Map<string, ObjectStoreSettings>());
  const cloudIds = new Map<string, string>();
  for (const c of manifest.clouds) {
    const store = stores.get(c.id);
    // Each simulated cloud's S3 store, registered like an operator would enter a real bucket's settings.
    const storeData = store
      ? {
          storeEndpoint: store.endpoint,
          storeBucket: store.bucket,
          storeRegion: store.region,
          storeCredentialsCipher: encryptStoreSettings(store),
        }
      : {};
    const row = await prisma.cloud.upsert({
      where: { teamId_name: { teamId, name: c.id } },
      create: { teamId, name: c.id, provider: c.provider as Provider, ...storeData },
      update: storeData,
      select: { id: true },
    });
    cloudIds.set(c.id, row.id);
  }
  const created: string[] = [];
  for (const c of manifest.clusters) {
    const cloudId = cloudIds.get(c.cloud);
    if (!cloudId) continue;
    const existing = await prisma.cluster.findUnique({
      where: { teamId_name: { teamId, name: c.name } },
      select: { id: true },
    });
    if (existing) continue;
    await importCluster({
      prisma,
      teamId,
      userId: adminUser.id,
      role: "ADMIN",
      input: {
        source: "kubeconfig",
        cloudId,
        name: c.name,
        region: c.region,
        residencyTags: c.residency,
        prometheusUrl: undefined,
        kubeconfig,
        context: c.context,
        confirmInsecure: false,
      },
    });
    created.push(c.name);
  }
  if (created.length) opts.log(`registered simulated clusters: ${created.join(", ")}`);

  for (const d of DEMO_DEPLOYMENTS) {
    if (!created.includes(d.cluster)) continue;
    const cluster = await prisma.cluster.findUniqueOrThrow({
      where: { teamId_name: { teamId, name: d.cluster } },
      select: { id: true },
    });
    const version = await prisma.modelVersion.findFirst({
      where: { teamId, version: d.version, model: { name: d.model } },
      select: { id: true },
    });
    if (!version) continue;
    await prisma.deployment.create({
      data: {
        teamId,
        clusterId: cluster.id,
        modelVersionId: version.id,
        namespace: "models",
        name: d.name,
        replicas: d.replicas,
        gpusPerReplica: 1,
        gpuType: d.gpuType,
        minReplicas: 1,
        maxReplicas: 8,
        // Low enough that the demo load's daily curve visibly scales each deployment up and down.
        autoscaleMetric: "RPS",
        autoscaleTarget: 2,
        latencySloMs: d.sloMs,
      },
    });
  }
  return { clusters: manifest.clusters.length, created };
}
