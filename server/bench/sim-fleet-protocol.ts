// Messages between a bench and its simulated-cluster child process (sim-fleet-process.ts), one typed op per request.
export interface SimEndpoint {
  url: string;
  /** base64 of the cluster CA's PEM, as a kubeconfig carries it. */
  caData: string;
  token: string;
}

export interface SimFleetOps {
  /** Empty clusters (namespace, GPU nodes), each with its own CA and HTTPS API server on port 0. */
  startClusters: { args: { count: number; namespace: string; gpuNodes: number }; result: SimEndpoint[] };
  /** Tern-applied Deployments, Ready as their controller would report them, each with its running pods. */
  addDeployments: {
    args: { cluster: number; namespace: string; replicas: number; deployments: { id: string; name: string }[] };
    result: null;
  };
  setReadyReplicas: { args: { cluster: number; namespace: string; name: string; ready: number }; result: null };
  /** One more cluster holding `pods` running pods spread over `namespaces`. */
  startPodCluster: { args: { pods: number; namespaces: number }; result: SimEndpoint };
  cpuUsage: { args: null; result: { user: number; system: number } };
  /** Reads a live-updates stream as a browser would, out of the bench's process; sends a SimLiveEvent per event. */
  readLive: { args: { url: string }; result: null };
}

export type SimOp = keyof SimFleetOps;
export type SimRequest = { [K in SimOp]: { id: number; op: K; args: SimFleetOps[K]["args"] } }[SimOp];
export type SimReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
/** A deployment event read from the live stream; `at` is nowMs() in the child, comparable with the parent's. */
export interface SimLiveEvent {
  live: string;
  at: number;
}
export const SIM_READY = "sim-fleet-ready";
