// Creates the fleet file's demo workloads at start (a Deployment and a Service each, as Tern's driver would),
// so a fresh fleet already serves traffic. Existing objects are left alone.
import { simUri } from "../artifacts/sim-uri";
import { DEMO_MODELS, demoArtifactKey } from "../models/demo-manifest";
import type { ObjectStore } from "../store/object-store";
import type { FleetConfig, WorkloadConfig } from "./fleet-config";
import { GPU_PRODUCT_LABEL, GPU_RESOURCE, MODEL_LABEL } from "./k8s-objects";

/** The serving runtime image the demo uses (the database seed's runtimeImage). */
export const DEMO_RUNTIME_IMAGE = "ghcr.io/tern/onnx-server:1.30";

function ensureNamespace(store: ObjectStore, name: string): void {
  if (!store.get("namespaces", undefined, name))
    store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
}

export function workloadObjects(w: WorkloadConfig, cloudId: string, image: string) {
  const model = DEMO_MODELS.find((m) => m.name === w.model && m.version === w.version);
  if (!model)
    throw new Error(
      `workload ${w.name}: no demo model ${w.model}@${w.version} (known: ${DEMO_MODELS.map((m) => `${m.name}@${m.version}`).join(", ")})`,
    );
  const labels = { app: w.name, [MODEL_LABEL]: model.name, "tern.dev/model-version": model.version };
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: w.name,
      namespace: w.namespace,
      labels: { ...labels, "app.kubernetes.io/managed-by": "tern-sim" },
    },
    spec: {
      replicas: w.replicas,
      selector: { matchLabels: { app: w.name } },
      template: {
        metadata: { labels },
        spec: {
          ...(w.gpuType ? { nodeSelector: { [GPU_PRODUCT_LABEL]: w.gpuType } } : {}),
          containers: [
            {
              name: "server",
              image,
              ports: [{ name: "http", containerPort: 8080 }],
              env: [
                { name: "MODEL_NAME", value: model.name },
                { name: "MODEL_VERSION", value: model.version },
                { name: "MODEL_URI", value: simUri(cloudId, demoArtifactKey(model)) },
                { name: "MODEL_SHA256", value: model.sha256 },
              ],
              readinessProbe: { httpGet: { path: "/v2/health/ready", port: 8080 }, periodSeconds: 5 },
              resources: { limits: { [GPU_RESOURCE]: String(w.gpus) }, requests: { [GPU_RESOURCE]: String(w.gpus) } },
            },
          ],
        },
      },
    },
  };
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: w.name, namespace: w.namespace, labels },
    spec: { type: "ClusterIP", selector: { app: w.name }, ports: [{ name: "http", port: 80, targetPort: 8080 }] },
  };
  return { deployment, service };
}

export function seedWorkloads(cfg: FleetConfig, stores: Map<string, { store: ObjectStore; cloudId: string }>): void {
  const image = cfg.runtimes.includes("ghcr.io/tern/onnx-server") ? DEMO_RUNTIME_IMAGE : `${cfg.runtimes[0]}:latest`;
  for (const w of cfg.workloads) {
    const target = stores.get(w.cluster);
    if (!target) continue;
    ensureNamespace(target.store, w.namespace);
    const { deployment, service } = workloadObjects(w, target.cloudId, image);
    if (!target.store.get("deployments", w.namespace, w.name)) target.store.create("deployments", deployment);
    if (!target.store.get("services", w.namespace, w.name)) target.store.create("services", service);
  }
}
