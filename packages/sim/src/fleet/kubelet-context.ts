// What every simulated pod's runtime shares with its kubelet: the cluster's store and recorders, its cloud's
// artifact store, the serving registry and fault switches, plus kubelet's restart back-off.
import type { ArtifactStores } from "../artifacts/artifact-stores";
import type { ObjectStore } from "../store/object-store";
import type { ServingFaults } from "./deployment-faults";
import type { EventRecorder } from "./events";
import type { PodLogBook } from "./pod-logs";
import type { LatencyModel, ServingRegistry } from "./serving";
import type { SimClock } from "./sim-clock";

export interface KubeletContext {
  store: ObjectStore;
  events: EventRecorder;
  /** What the containers print, for pods/log. */
  logs: PodLogBook;
  clock: SimClock;
  cloudId: string;
  clusterName: string;
  artifacts: ArtifactStores;
  runtimes: readonly string[];
  serving: ServingRegistry;
  latency: LatencyModel;
  isCrashLooping(namespace: string, deployment: string | undefined): boolean;
  /** 5xx rate and wrong outputs injected into a deployment's model servers (none when absent). */
  servingFaults?(namespace: string, deployment: string | undefined): ServingFaults;
}

export interface NodeFacts {
  name: string;
  gpuType: string;
  hostIP: string;
  /** Images already pulled on this node. */
  images: Set<string>;
}

/** kubelet's back-off for restarts and image pulls: 10 s doubling to 5 min. */
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
export const nextBackoff = (ms: number) => (ms === 0 ? BACKOFF_START_MS : Math.min(ms * 2, BACKOFF_MAX_MS));
