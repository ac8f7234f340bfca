// Child process for the cluster benches: hosts the simulated API servers and their stores, so the parent's CPU
// figures are Tern's alone. Driven over IPC (sim-fleet-protocol.ts); exits when the parent disconnects.
import { randomBytes } from "node:crypto";
import { createApiServer, type ApiServer } from "@tern/sim/apiserver";
import { createClusterCertificates } from "@tern/sim/apiserver";
import { ObjectStore } from "@tern/sim/apiserver";
import { nowMs } from "./latency-stats.ts";
import { readLiveEvents } from "./live-relay.ts";
import { addGpuNodes, addModelDeployment, addNamespace, modelSpec, setReadyReplicas } from "./sim-objects.ts";
import {
  SIM_READY,
  type SimEndpoint,
  type SimFleetOps,
  type SimLiveEvent,
  type SimReply,
  type SimRequest,
} from "./sim-fleet-protocol.ts";

interface Cluster {
  store: ObjectStore;
  server: ApiServer;
  nodes: number;
}

const clusters: Cluster[] = [];
const streams: { close(): void }[] = [];

async function startCluster(name: string, fill: (store: ObjectStore) => void, nodes = 0): Promise<SimEndpoint> {
  const store = new ObjectStore();
  fill(store);
  const certs = await createClusterCertificates();
  const token = randomBytes(16).toString("hex");
  // The simulator's default bookmark interval (5 s): more often than a real API server, so idle figures err high.
  const server = createApiServer({
    store,
    tokens: [{ token, allowed: "all" }],
    tls: { key: certs.key, cert: certs.cert },
    clusterName: name,
  });
  await server.listen(0);
  clusters.push({ store, server, nodes });
  return { url: server.url, caData: Buffer.from(certs.caCert).toString("base64"), token };
}

function cluster(i: number): Cluster {
  const c = clusters[i];
  if (!c) throw new Error(`no simulated cluster #${i} (have ${clusters.length})`);
  return c;
}

const handlers: {
  [K in keyof SimFleetOps]: (
    args: SimFleetOps[K]["args"],
  ) => Promise<SimFleetOps[K]["result"]> | SimFleetOps[K]["result"];
} = {
  startClusters: async ({ count, namespace, gpuNodes }) => {
    const out: SimEndpoint[] = [];
    for (let i = 0; i < count; i++) {
      const fill = (store: ObjectStore) => {
        addNamespace(store, namespace);
        addGpuNodes(store, gpuNodes);
      };
      out.push(await startCluster(`bench-${i}`, fill, gpuNodes));
    }
    return out;
  },
  addDeployments: ({ cluster: i, namespace, replicas, deployments }) => {
    const c = cluster(i);
    deployments.forEach((d, n) =>
      addModelDeployment(c.store, modelSpec(namespace, d.name, d.id, replicas), c.nodes, n * replicas),
    );
    return null;
  },
  setReadyReplicas: ({ cluster: i, namespace, name, ready }) => {
    setReadyReplicas(cluster(i).store, namespace, name, ready);
    return null;
  },
  startPodCluster: ({ pods, namespaces }) =>
    startCluster(`pods-${pods}`, (store) => {
      const replicas = 10;
      for (let n = 0; n < pods / replicas; n++) {
        const namespace = `team-${n % namespaces}`;
        addNamespace(store, namespace);
        addModelDeployment(
          store,
          modelSpec(namespace, `model-${String(n).padStart(4, "0")}`, `dep-${n}`, replicas),
          Math.ceil(pods / 8),
          n * replicas,
        );
      }
    }),
  cpuUsage: () => process.cpuUsage(),
  readLive: async ({ url }) => {
    streams.push(await readLiveEvents(url, (id) => process.send?.({ live: id, at: nowMs() } satisfies SimLiveEvent)));
    return null;
  },
};

function handle(req: SimRequest): Promise<unknown> {
  const run = handlers[req.op] as (args: unknown) => unknown;
  // then(): a handler that throws synchronously still becomes a failed reply.
  return Promise.resolve().then(() => run(req.args));
}

process.on("message", (req: SimRequest) => {
  handle(req).then(
    (result) => process.send?.({ id: req.id, ok: true, result: result ?? null } satisfies SimReply),
    (err: unknown) =>
      process.send?.({
        id: req.id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
      } satisfies SimReply),
  );
});
process.on("disconnect", () => {
  for (const s of streams) s.close();
  void Promise.all(clusters.map((c) => c.server.close())).finally(() => process.exit(0));
});
process.send?.(SIM_READY);
