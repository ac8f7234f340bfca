// Everything that runs inside one simulated cluster besides its API server: the store, nodes, the
// controllers (deployment, replicaset, scheduler, kubelets, services, horizontal pod autoscalers), the model servers and the data plane.
import type { ArtifactStores } from "../artifacts/artifact-stores";
import { ServingMetrics } from "../metrics/serving-metrics";
import { ObjectStore } from "../store/object-store";
import { startDataPlane, type DataPlane } from "./data-plane";
import { DeploymentController } from "./deployment-controller";
import { DeploymentFaults } from "./deployment-faults";
import { EventRecorder } from "./events";
import { HpaController } from "./hpa-controller";
import { HpaMetricsSource } from "./hpa-metrics-source";
import { cloudOf, dataPortOf, type CloudConfig, type ClusterConfig, type FleetConfig } from "./fleet-config";
import { Kubelets } from "./kubelet";
import { ensureNodes } from "./node-objects";
import { NodeLifecycle } from "./node-lifecycle";
import { PodLogBook } from "./pod-logs";
import { ReplicaSetController } from "./replicaset-controller";
import { Scheduler } from "./scheduler";
import { latencyModel, ServingRegistry } from "./serving";
import { startServiceController } from "./service-controller";
import type { SimClock } from "./sim-clock";

/** What a freshly created real cluster has; the API server may create them too, so this is idempotent. */
const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
/** Real clusters keep events for an hour (kube-apiserver --event-ttl). */
const EVENT_TTL_MS = 60 * 60 * 1000;

export interface ClusterRuntime {
  name: string;
  config: ClusterConfig;
  cloud: CloudConfig;
  store: ObjectStore;
  serving: ServingRegistry;
  /** Container output of this cluster's pods (served as pods/log). */
  logs: PodLogBook;
  metrics: ServingMetrics;
  faults: DeploymentFaults;
  nodes: NodeLifecycle;
  kubelets: Kubelets;
  dataPlane: DataPlane;
  stop(): Promise<void>;
}

export async function startClusterRuntime(opts: {
  fleet: FleetConfig;
  cluster: ClusterConfig;
  artifacts: ArtifactStores;
  clock: SimClock;
  store?: ObjectStore;
}): Promise<ClusterRuntime> {
  const { fleet, cluster, clock } = opts;
  const cloud = cloudOf(fleet, cluster);
  const store = opts.store ?? new ObjectStore();
  for (const name of SYSTEM_NAMESPACES) {
    if (!store.get("namespaces", undefined, name))
      store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  }
  ensureNodes(store, cluster, cloud);
  const events = new EventRecorder(store);
  const faults = new DeploymentFaults();
  const logs = new PodLogBook();
  const metrics = new ServingMetrics(cluster.name);
  const serving = new ServingRegistry((ep) => {
    if (ep.model && ep.deployment)
      metrics.initPod({
        namespace: ep.namespace,
        deployment: ep.deployment,
        model: ep.model.name,
        modelVersion: ep.model.version,
        pod: ep.pod,
      });
  });
  const nodes = new NodeLifecycle(store, events, clock);
  const dataPlane = await startDataPlane({ port: dataPortOf(cluster), cluster: cluster.name, store, serving, metrics });
  const kubelets = new Kubelets(
    {
      store,
      events,
      logs,
      clock,
      cloudId: cloud.id,
      clusterName: cluster.name,
      artifacts: opts.artifacts,
      runtimes: fleet.runtimes,
      serving,
      latency: latencyModel(fleet, cloud.region, faults),
      isCrashLooping: (ns, d) => faults.isCrashLooping(ns, d),
      servingFaults: (ns, d) => faults.serving(ns, d),
    },
    nodes,
  );
  const loops = [
    new DeploymentController(store, events, clock),
    new ReplicaSetController(store, events, clock),
    new Scheduler(store, events, clock),
    startServiceController(store, clock, () => dataPlane.url),
    new HpaController(store, events, clock, new HpaMetricsSource((ns, d) => metrics.loadOf(ns, d))),
  ];
  const cancelEventTtl = clock.every(60_000, () => {
    const cutoff = new Date(Date.now() - EVENT_TTL_MS).toISOString();
    for (const e of store.list("events").items) {
      const last = typeof e.lastTimestamp === "string" ? e.lastTimestamp : e.metadata.creationTimestamp;
      if (last < cutoff) store.delete("events", e.metadata.namespace, e.metadata.name);
    }
  });
  return {
    name: cluster.name,
    config: cluster,
    cloud,
    store,
    serving,
    logs,
    metrics,
    faults,
    nodes,
    kubelets,
    dataPlane,
    async stop() {
      cancelEventTtl();
      for (const l of loops) l.stop();
      kubelets.stop();
      nodes.stop();
      await dataPlane.close();
    },
  };
}
