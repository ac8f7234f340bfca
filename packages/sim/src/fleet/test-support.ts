// Shared by the simulator's tests: a small two-cluster fleet on free ports, fast time, demo artifacts
// seeded in one cloud, and helpers to build model-server Deployments and wait for conditions.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createArtifactStores, type ArtifactStores } from "../artifacts/artifact-stores";
import { seedDemoArtifacts } from "../artifacts/seed-demo-artifacts";
import { simUri } from "../artifacts/sim-uri";
import { DEMO_MODELS, demoArtifactKey, type DemoModelEntry } from "../models/demo-manifest";
import type { NewObject } from "../store/object-store";
import { parseFleetConfig, type FleetConfig } from "./fleet-config";
import { MODEL_LABEL } from "./k8s-objects";

export const TEST_TIME_SCALE = 0.02;

export function testFleetConfig(overrides: Partial<Record<string, unknown>> = {}): FleetConfig {
  return parseFleetConfig({
    glbPort: 0,
    adminPort: 0,
    timeScale: TEST_TIME_SCALE,
    latency: { baseComputeMs: 1, gpu: { H100: 0.5, A10G: 2, L4: 2 }, region: { "us-east-1": 1, "europe-west4": 2 } },
    runtimes: ["ghcr.io/tern/onnx-server"],
    load: { enabled: false },
    clouds: [
      { id: "aws-us-east-1", provider: "AWS", region: "us-east-1" },
      { id: "gcp-europe-west4", provider: "GCP", region: "europe-west4" },
    ],
    clusters: [
      {
        name: "aws-test",
        cloud: "aws-us-east-1",
        port: 0,
        residency: ["us"],
        nodePools: [
          { name: "h100", gpuType: "H100", gpusPerNode: 4, nodes: 1 },
          { name: "a10g", gpuType: "A10G", gpusPerNode: 1, nodes: 2 },
        ],
      },
      {
        name: "gcp-test",
        cloud: "gcp-europe-west4",
        port: 0,
        residency: ["eu"],
        nodePools: [{ name: "l4", gpuType: "L4", gpusPerNode: 2, nodes: 1 }],
      },
    ],
    modelHomes: {
      "credit-risk": ["aws-us-east-1", "gcp-europe-west4"],
      sentiment: ["aws-us-east-1"],
      ranker: ["aws-us-east-1"],
    },
    ...overrides,
  });
}

export async function tempArtifacts(): Promise<{ dir: string; stores: ArtifactStores; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "tern-sim-"));
  const stores = createArtifactStores(path.join(dir, "artifacts"));
  await seedDemoArtifacts(stores, (m) =>
    m.name === "credit-risk" ? ["aws-us-east-1", "gcp-europe-west4"] : ["aws-us-east-1"],
  );
  return { dir, stores, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function demoModel(name = "credit-risk", version = "1.0.0"): DemoModelEntry {
  const m = DEMO_MODELS.find((x) => x.name === name && x.version === version);
  if (!m) throw new Error(`no demo model ${name}@${version}`);
  return m;
}

/** A model-server Deployment as Tern's driver would create it. */
export function modelDeployment(opts: {
  name: string;
  namespace?: string;
  model?: DemoModelEntry;
  cloud?: string;
  replicas?: number;
  gpus?: number;
  gpuType?: string;
  image?: string;
  uri?: string;
  sha256?: string;
}): NewObject {
  const model = opts.model ?? demoModel();
  const labels = { app: opts.name, [MODEL_LABEL]: model.name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: opts.name, namespace: opts.namespace ?? "models", labels },
    spec: {
      replicas: opts.replicas ?? 1,
      selector: { matchLabels: { app: opts.name } },
      template: {
        metadata: { labels },
        spec: {
          ...(opts.gpuType ? { nodeSelector: { "nvidia.com/gpu.product": opts.gpuType } } : {}),
          containers: [
            {
              name: "server",
              image: opts.image ?? "ghcr.io/tern/onnx-server:1.30",
              env: [
                { name: "MODEL_URI", value: opts.uri ?? simUri(opts.cloud ?? "aws-us-east-1", demoArtifactKey(model)) },
                { name: "MODEL_SHA256", value: opts.sha256 ?? model.sha256 },
                { name: "MODEL_NAME", value: model.name },
                { name: "MODEL_VERSION", value: model.version },
              ],
              resources: { limits: { "nvidia.com/gpu": String(opts.gpus ?? 1) } },
            },
          ],
        },
      },
    },
  };
}

export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : JSON.stringify(last)})` : ""}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
}
