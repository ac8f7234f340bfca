// What the benches put in a simulated cluster: GPU nodes, Tern's Deployments (from Tern's own manifests) and their pods.
import { deploymentManifest, namespaceManifest } from "../clusters/driver/manifests.ts";
import type { ModelDeploymentSpec } from "../clusters/driver/types.ts";
import { buildPodStatus, runningState } from "@tern/sim/fleet";
import type { KubeObject, ObjectStore } from "@tern/sim/apiserver";

const GPU_TYPE = "H100";
const GPUS_PER_NODE = 8;
const IMAGE = "tern/triton:24.05";
/** A fixed pod-template-hash: every pod of a deployment belongs to one ReplicaSet, as after a finished rollout. */
const TEMPLATE_HASH = "7c9f8d6b5";

export const nodeName = (i: number) => `gpu-node-${String(i).padStart(3, "0")}`;

export function addNamespace(store: ObjectStore, namespace: string): void {
  if (!store.get("namespaces", undefined, namespace)) store.create("namespaces", namespaceManifest(namespace));
}

export function addGpuNodes(store: ObjectStore, count: number): void {
  for (let i = 0; i < count; i++) {
    const gpus = String(GPUS_PER_NODE);
    store.create("nodes", {
      metadata: {
        name: nodeName(i),
        labels: { "nvidia.com/gpu.product": GPU_TYPE, "kubernetes.io/hostname": nodeName(i) },
      },
      spec: {},
      status: {
        capacity: { "nvidia.com/gpu": gpus },
        allocatable: { "nvidia.com/gpu": gpus },
        conditions: [{ type: "Ready", status: "True" }],
      },
    });
  }
}

export function modelSpec(
  namespace: string,
  name: string,
  deploymentId: string,
  replicas: number,
): ModelDeploymentSpec {
  return {
    namespace,
    name,
    deploymentId,
    replicas,
    modelName: "ranker",
    modelVersion: "3",
    versionId: "bench-version",
    image: IMAGE,
    artifactUri: "s3://models/ranker/3/model.onnx",
    sha256: "c".repeat(64),
    gpusPerReplica: 1,
    gpuType: GPU_TYPE,
    latencySloMs: 200,
  };
}

/** Sets status through the status subresource, as the deployment controller does; `ready` of spec.replicas are ready. */
export function setReadyReplicas(store: ObjectStore, namespace: string, name: string, ready: number): void {
  store.mutate(
    "deployments",
    namespace,
    name,
    (o) => {
      const want = Number(o.spec?.replicas ?? 1);
      o.status = {
        observedGeneration: o.metadata.generation,
        replicas: want,
        updatedReplicas: want,
        readyReplicas: ready,
        availableReplicas: ready,
        conditions: [
          {
            type: "Available",
            status: ready > 0 ? "True" : "False",
            reason: ready > 0 ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
          },
          { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
        ],
      };
    },
    { subresource: "status" },
  );
}

/** A running, ready pod of `spec` on `node`, shaped like the fleet's kubelet reports it. */
export function addPod(store: ObjectStore, spec: ModelDeploymentSpec, index: number, node: string, ip: string): void {
  const template = deploymentManifest(spec).spec.template;
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `${spec.name}-${TEMPLATE_HASH}-${index.toString(36).padStart(5, "x")}`,
      namespace: spec.namespace,
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      labels: { ...template.metadata.labels, "pod-template-hash": TEMPLATE_HASH },
      annotations: template.metadata.annotations,
    },
    spec: { ...template.spec, nodeName: node },
  };
  const started = runningState();
  pod.status = buildPodStatus(pod, {
    hostIP: `10.0.${ip}`,
    podIP: `10.244.${ip}`,
    startTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    everStarted: true,
    containers: [
      {
        name: "model-server",
        image: IMAGE,
        imageID: `docker.io/${IMAGE}@sha256:${"d".repeat(64)}`,
        state: started,
        lastState: {},
        ready: true,
        started: true,
        restartCount: 0,
      },
    ],
  });
  store.create("pods", pod);
}

/** A Ready Deployment with `spec.replicas` running pods, spread over `nodes` GPU nodes from `firstPod` on. */
export function addModelDeployment(
  store: ObjectStore,
  spec: ModelDeploymentSpec,
  nodes: number,
  firstPod: number,
): void {
  store.create("deployments", deploymentManifest(spec));
  setReadyReplicas(store, spec.namespace, spec.name, spec.replicas);
  for (let r = 0; r < spec.replicas; r++) {
    const n = firstPod + r;
    addPod(
      store,
      spec,
      r,
      nodeName(Math.floor(n / GPUS_PER_NODE) % Math.max(1, nodes)),
      `${Math.floor(n / 250) % 250}.${(n % 250) + 1}`,
    );
  }
}
