// The Namespace, Deployment and Service Tern applies for one model deployment (server-side apply bodies).
import { DEPLOYMENT_ID_LABEL, GPU_PRODUCT_LABEL, GPU_RESOURCE } from "./summarize";
import type { ModelDeploymentSpec } from "./types";

/** The model server's container in every pod Tern deploys (whose logs Tern shows). */
export const MODEL_CONTAINER = "model-server";

export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY = "tern";
export const MODEL_LABEL = "tern.dev/model";
export const MODEL_VERSION_LABEL = "tern.dev/model-version";
export const SERVING_PORT = 8080;

/** Label values allow 63 chars of [A-Za-z0-9-_.], starting and ending alphanumeric; model names may not fit. */
export function labelValue(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 63);
  return cleaned.replace(/^[^A-Za-z0-9]+/, "").replace(/[^A-Za-z0-9]+$/, "");
}

/** Selector labels: immutable on a Deployment, so only the name, which never changes for a given object. */
export function selectorLabels(name: string): Record<string, string> {
  return { "app.kubernetes.io/instance": name, [MANAGED_BY_LABEL]: MANAGED_BY };
}

export function ternLabels(spec: ModelDeploymentSpec): Record<string, string> {
  return {
    ...spec.labels,
    "app.kubernetes.io/name": labelValue(spec.modelName),
    ...selectorLabels(spec.name),
    [DEPLOYMENT_ID_LABEL]: labelValue(spec.deploymentId),
    [MODEL_LABEL]: labelValue(spec.modelName),
    [MODEL_VERSION_LABEL]: labelValue(spec.modelVersion),
  };
}

/** Exact values that labels would have to shorten or rewrite. */
function ternAnnotations(spec: ModelDeploymentSpec): Record<string, string> {
  return {
    "tern.dev/model-name": spec.modelName,
    "tern.dev/model-version": spec.modelVersion,
    "tern.dev/model-version-id": spec.versionId,
    "tern.dev/artifact-sha256": spec.sha256,
    "tern.dev/latency-slo-ms": String(spec.latencySloMs),
  };
}

export function namespaceManifest(namespace: string) {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
  };
}

export function deploymentManifest(spec: ModelDeploymentSpec) {
  const labels = ternLabels(spec);
  const gpus = String(spec.gpusPerReplica);
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: spec.name, namespace: spec.namespace, labels, annotations: ternAnnotations(spec) },
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: selectorLabels(spec.name) },
      template: {
        metadata: { labels, annotations: ternAnnotations(spec) },
        spec: {
          nodeSelector: { [GPU_PRODUCT_LABEL]: spec.gpuType },
          // GPU node pools are usually tainted so that only GPU workloads land there.
          tolerations: [{ key: GPU_RESOURCE, operator: "Exists", effect: "NoSchedule" }],
          containers: [
            {
              name: MODEL_CONTAINER,
              image: spec.image,
              ports: [{ name: "http", containerPort: SERVING_PORT, protocol: "TCP" }],
              env: [
                { name: "MODEL_URI", value: spec.artifactUri },
                { name: "MODEL_SHA256", value: spec.sha256 },
                { name: "MODEL_NAME", value: spec.modelName },
                { name: "MODEL_VERSION", value: spec.modelVersion },
              ],
              resources: { requests: { [GPU_RESOURCE]: gpus }, limits: { [GPU_RESOURCE]: gpus } },
              readinessProbe: {
                httpGet: { path: "/v2/health/ready", port: "http" },
                periodSeconds: 5,
                failureThreshold: 3,
              },
            },
          ],
        },
      },
    },
  };
}

export function serviceManifest(spec: ModelDeploymentSpec) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: spec.name, namespace: spec.namespace, labels: ternLabels(spec) },
    spec: {
      type: "ClusterIP",
      selector: selectorLabels(spec.name),
      ports: [{ name: "http", port: SERVING_PORT, targetPort: "http", protocol: "TCP" }],
    },
  };
}
