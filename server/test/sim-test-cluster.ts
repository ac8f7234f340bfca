// Test support: a simulated cluster (store + HTTPS API server on port 0, CA, tokens) and a tiny fake controller.
import { randomBytes } from "node:crypto";
import {
  createApiServer,
  createClusterCertificates,
  ObjectStore,
  type ApiServer,
  type KubeObject,
  type PodLogSource,
  type ServiceProxyBackend,
} from "@tern/sim/apiserver";
import { connectCluster } from "../clusters/driver/connect-cluster";
import type { ClusterDriver } from "../clusters/driver/types";

export interface SimTestCluster {
  store: ObjectStore;
  server: ApiServer;
  url: string;
  /** base64 of the CA's PEM, as a kubeconfig carries it. */
  ca: string;
  token: string;
  readToken: string;
  driver(opts?: { token?: string; ca?: string; timeoutMs?: number }): ClusterDriver;
  addNode(name: string, gpuType: string, gpus: number): void;
  close(): Promise<void>;
}

export async function startSimTestCluster(
  opts: {
    historyLimit?: number;
    bookmarkIntervalMs?: number;
    serviceProxy?: ServiceProxyBackend;
    podLogs?: PodLogSource;
  } = {},
): Promise<SimTestCluster> {
  const store = new ObjectStore({ historyLimit: opts.historyLimit ?? 5000 });
  store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
  const certs = await createClusterCertificates();
  const token = randomBytes(16).toString("hex");
  const readToken = randomBytes(16).toString("hex");
  const server = createApiServer({
    store,
    tokens: [
      { token, allowed: "all" },
      { token: readToken, allowed: "read" },
    ],
    tls: { key: certs.key, cert: certs.cert },
    clusterName: "test",
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 1000,
    ...(opts.serviceProxy ? { serviceProxy: opts.serviceProxy } : {}),
    ...(opts.podLogs ? { podLogs: opts.podLogs } : {}),
  });
  await server.listen(0);
  const ca = Buffer.from(certs.caCert).toString("base64");
  return {
    store,
    server,
    url: server.url,
    ca,
    token,
    readToken,
    driver: (o = {}) =>
      connectCluster({
        apiServer: server.url,
        credentials: { token: o.token ?? token, certificateAuthorityData: o.ca ?? ca },
        timeoutMs: o.timeoutMs ?? 3000,
      }),
    addNode(name, gpuType, gpus) {
      store.create("nodes", {
        apiVersion: "v1",
        kind: "Node",
        metadata: { name, labels: { "nvidia.com/gpu.product": gpuType } },
        spec: {},
        status: {
          capacity: { "nvidia.com/gpu": String(gpus) },
          allocatable: { "nvidia.com/gpu": String(gpus) },
          conditions: [{ type: "Ready", status: "True" }],
        },
      });
    },
    close: () => server.close(),
  };
}

/**
 * Stands in for the fleet's controllers: marks every deployment's replicas ready (or `readyFor` of them) through
 * the status subresource, as a deployment controller would. Returns a stop function.
 */
export function fakeDeploymentController(
  store: ObjectStore,
  readyFor: (d: KubeObject) => number = (d) => Number(d.spec?.replicas ?? 1),
): () => void {
  const settle = (d: KubeObject) => {
    const ns = d.metadata.namespace;
    const current = ns ? store.get("deployments", ns, d.metadata.name) : undefined;
    if (!current || current.metadata.deletionTimestamp) return;
    const want = Number(current.spec?.replicas ?? 1);
    const ready = Math.min(readyFor(current), want);
    store.mutate(
      "deployments",
      ns,
      d.metadata.name,
      (o) => {
        o.status = {
          observedGeneration: o.metadata.generation,
          replicas: want,
          updatedReplicas: want,
          readyReplicas: ready,
          availableReplicas: ready,
        };
      },
      { subresource: "status" },
    );
  };
  // Store watchers run inside the write; the status write waits for the next tick as a controller's would.
  return store.watch("deployments", {}, (e) => {
    if (e.type === "ADDED" || e.type === "MODIFIED") setImmediate(() => settle(e.object));
  });
}
