// Files a running fleet keeps under <dataDir>/sim/: credentials.json (per-cluster CA, server certificate and
// bearer tokens, created once so restarts keep kubeconfigs valid), kubeconfig (one context per cluster) and
// fleet.json (where everything listens, and which cloud/provider/region/residency each cluster is).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { z } from "zod";
import { createClusterCertificates } from "../apiserver";

const ZClusterCredentials = z.object({
  caCert: z.string(),
  caKey: z.string(),
  cert: z.string(),
  key: z.string(),
  adminToken: z.string().min(32),
  viewerToken: z.string().min(32),
});
export type ClusterCredentials = z.infer<typeof ZClusterCredentials>;
const ZCredentialsFile = z.record(z.string(), ZClusterCredentials);

async function writePrivate(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, file);
}

/** Loads credentials.json, creating what is missing (new clusters get a fresh CA and tokens). */
export async function ensureCredentials(
  simDir: string,
  clusters: string[],
): Promise<Record<string, ClusterCredentials>> {
  const file = path.join(simDir, "credentials.json");
  let existing: Record<string, ClusterCredentials> = {};
  try {
    const parsed = ZCredentialsFile.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (parsed.success) existing = parsed.data;
  } catch {
    // first start: nothing to keep
  }
  let changed = false;
  for (const name of clusters) {
    if (existing[name]) continue;
    const certs = await createClusterCertificates({ commonName: name });
    existing[name] = {
      ...certs,
      adminToken: randomBytes(32).toString("base64url"),
      viewerToken: randomBytes(32).toString("base64url"),
    };
    changed = true;
  }
  if (changed) await writePrivate(file, JSON.stringify(existing, null, 2));
  return existing;
}

const ZStoreKey = z.object({ accessKeyId: z.string().min(16), secretAccessKey: z.string().min(32) });
export type StoreKey = z.infer<typeof ZStoreKey>;

/** Per-cloud S3 access keys in object-store-keys.json, created once (mode 0600) so stored Cloud settings stay valid. */
export async function ensureStoreKeys(simDir: string, cloudIds: string[]): Promise<Record<string, StoreKey>> {
  const file = path.join(simDir, "object-store-keys.json");
  let existing: Record<string, StoreKey> = {};
  try {
    const parsed = z.record(z.string(), ZStoreKey).safeParse(JSON.parse(await readFile(file, "utf8")));
    if (parsed.success) existing = parsed.data;
  } catch {
    // first start
  }
  let changed = false;
  for (const id of cloudIds) {
    if (existing[id]) continue;
    // Shaped like AWS keys: a 20-character id (TSIM… marks the simulator's) and a 40-character secret.
    existing[id] = {
      accessKeyId: `TSIM${randomBytes(10).toString("hex").toUpperCase().slice(0, 16)}`,
      secretAccessKey: randomBytes(30).toString("base64"),
    };
    changed = true;
  }
  if (changed) await writePrivate(file, JSON.stringify(existing, null, 2));
  return existing;
}

/** What Tern registers as a cloud's object store (ObjectStoreSettings in server/migrations/artifacts). */
export interface SimObjectStore {
  cloud: string;
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** object-stores.json (mode 0600): every cloud's S3 settings with keys, for registering the fleet's clouds. */
export async function writeObjectStores(file: string, stores: SimObjectStore[]): Promise<void> {
  await writePrivate(file, JSON.stringify({ version: 1, stores }, null, 2));
}

export interface KubeconfigCluster {
  name: string;
  server: string;
  caCert: string;
  token: string;
}

export async function writeKubeconfig(file: string, clusters: KubeconfigCluster[]): Promise<void> {
  const doc = {
    apiVersion: "v1",
    kind: "Config",
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: { server: c.server, "certificate-authority-data": Buffer.from(c.caCert).toString("base64") },
    })),
    users: clusters.map((c) => ({ name: `${c.name}-admin`, user: { token: c.token } })),
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: `${c.name}-admin` } })),
    "current-context": clusters[0]?.name ?? "",
    preferences: {},
  };
  await writePrivate(file, stringify(doc));
}

export interface FleetManifest {
  version: 1;
  startedAt: string;
  pid: number;
  kubeconfig: string;
  timeScale: number;
  glb: { url: string; inferUrlTemplate: string; modelsUrl: string; metricsUrl: string };
  admin: { url: string };
  /** The simulated multi-cluster Gateway, when the fleet has one: HTTPRoutes there drive the GLB. */
  gateway?: { cluster: string; namespace: string; name: string };
  loadGenerator: { enabled: boolean; minRps: number; maxRps: number; dayLengthSeconds: number };
  /** objectStore: the cloud's S3 endpoint and bucket (keys are in object-stores.json, mode 0600). */
  clouds: {
    id: string;
    provider: string;
    region: string;
    artifactStore: string;
    objectStore: { endpoint: string; bucket: string; region: string; uriPrefix: string };
  }[];
  objectStores: { s3Endpoint: string; settingsFile: string };
  clusters: {
    name: string;
    context: string;
    cloud: string;
    provider: string;
    region: string;
    residency: string[];
    apiServer: string;
    dataPlane: string;
    metricsUrl: string;
    serviceUrlTemplate: string;
    gpus: Record<string, number>;
    nodes: number;
  }[];
}

export async function writeFleetManifest(file: string, manifest: FleetManifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(manifest, null, 2));
  await rename(tmp, file);
}

/** Prometheus file_sd_configs targets: each cluster's data plane and the GLB, labelled like the manifest. */
export async function writePrometheusTargets(file: string, manifest: FleetManifest): Promise<void> {
  const host = (url: string) => new URL(url).host;
  const targets = [
    ...manifest.clusters.map((c) => ({
      targets: [host(c.dataPlane)],
      labels: { job: "tern-sim-cluster", sim_cluster: c.name, provider: c.provider, region: c.region },
    })),
    { targets: [host(manifest.glb.url)], labels: { job: "tern-sim-glb" } },
  ];
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(targets, null, 2));
}
