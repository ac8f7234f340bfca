// Test fixture: one simulated cluster (store + HTTPS API server + kubeconfigs on disk) for the conformance suites.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ObjectStore } from "../store/object-store";
import { createClusterCertificates } from "./certificates";
import { createApiServer, type ApiServer } from "./create-api-server";
import type { PodLogSource } from "./handle-pod-log";
import { kubeconfigFor } from "./kubeconfig";

export const ADMIN_TOKEN = "sim-admin-token";
export const READ_TOKEN = "sim-read-token";

export interface TestCluster {
  store: ObjectStore;
  server: ApiServer;
  url: string;
  dir: string;
  caCert: string;
  /** kubeconfig YAML and file path with the admin token; `readOnly*` with the read-only one. */
  kubeconfig: string;
  kubeconfigPath: string;
  readOnlyKubeconfig: string;
  readOnlyKubeconfigPath: string;
  close(): Promise<void>;
}

function seededStore(historyLimit: number | undefined): ObjectStore {
  const store = new ObjectStore({ ...(historyLimit ? { historyLimit } : {}) });
  store.create("namespaces", { metadata: { name: "default" } });
  store.create("namespaces", { metadata: { name: "kube-system" } });
  store.create("nodes", {
    metadata: { name: "gpu-a100-1", labels: { "node-role.kubernetes.io/worker": "", "tern.dev/gpu-type": "a100" } },
    status: {
      conditions: [{ type: "Ready", status: "True" }],
      nodeInfo: { kubeletVersion: "v1.32.0" },
      capacity: { "nvidia.com/gpu": "8" },
    },
  });
  return store;
}

export async function startTestCluster(
  /** `store` (a running cluster's, already seeded) and `podLogs` serve a simulated cluster's own state. */
  opts: { bookmarkIntervalMs?: number; historyLimit?: number; store?: ObjectStore; podLogs?: PodLogSource } = {},
): Promise<TestCluster> {
  const store = opts.store ?? seededStore(opts.historyLimit);
  const certs = await createClusterCertificates({ hosts: ["127.0.0.1", "localhost"] });
  const server = createApiServer({
    store,
    clusterName: "sim-test",
    tls: certs,
    tokens: [
      { token: ADMIN_TOKEN, allowed: "all" },
      { token: READ_TOKEN, allowed: "read", user: "viewer" },
    ],
    ...(opts.bookmarkIntervalMs ? { bookmarkIntervalMs: opts.bookmarkIntervalMs } : {}),
    ...(opts.podLogs ? { podLogs: opts.podLogs } : {}),
  });
  await server.listen(0);
  const dir = mkdtempSync(path.join(tmpdir(), "tern-sim-"));
  const kubeconfig = kubeconfigFor({
    clusterName: "sim-test",
    server: server.url,
    caCert: certs.caCert,
    token: ADMIN_TOKEN,
    namespace: "default",
  });
  const readOnlyKubeconfig = kubeconfigFor({
    clusterName: "sim-test",
    server: server.url,
    caCert: certs.caCert,
    token: READ_TOKEN,
    user: "viewer",
  });
  const kubeconfigPath = path.join(dir, "kubeconfig");
  const readOnlyKubeconfigPath = path.join(dir, "kubeconfig-read");
  writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 });
  writeFileSync(readOnlyKubeconfigPath, readOnlyKubeconfig, { mode: 0o600 });
  return {
    store,
    server,
    url: server.url,
    dir,
    caCert: certs.caCert,
    kubeconfig,
    kubeconfigPath,
    readOnlyKubeconfig,
    readOnlyKubeconfigPath,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function deploymentManifest(
  name: string,
  opts: { namespace?: string; replicas?: number; image?: string; labels?: Record<string, string> } = {},
) {
  const labels = { app: name, ...opts.labels };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: opts.namespace ?? "default", labels },
    spec: {
      replicas: opts.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name: "server", image: opts.image ?? "tern/serve:1", ports: [{ containerPort: 8080 }] }],
        },
      },
    },
  };
}

/** What a deployment controller would write once the rollout finished (the suite has no controller). */
export function markRolledOut(store: ObjectStore, namespace: string, name: string): void {
  store.mutate(
    "deployments",
    namespace,
    name,
    (d) => {
      const replicas = typeof d.spec?.replicas === "number" ? d.spec.replicas : 1;
      d.status = {
        observedGeneration: d.metadata.generation,
        replicas,
        updatedReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          {
            type: "Available",
            status: "True",
            reason: "MinimumReplicasAvailable",
            message: "Deployment has minimum availability.",
          },
          {
            type: "Progressing",
            status: "True",
            reason: "NewReplicaSetAvailable",
            message: `ReplicaSet "${name}-1" has successfully progressed.`,
          },
        ],
      };
    },
    { subresource: "status" },
  );
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = unknown>(): T;
}

/** A bare HTTPS request that trusts the cluster CA: for asserting exact status codes, headers and bodies. */
export async function rawRequest(
  cluster: TestCluster,
  method: string,
  pathAndQuery: string,
  opts: { token?: string | null; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { request } = await import("node:https");
  const url = new URL(pathAndQuery, cluster.url);
  const token = opts.token === undefined ? ADMIN_TOKEN : opts.token;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: cluster.caCert,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}
