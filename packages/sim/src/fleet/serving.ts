// The ready model servers of one cluster (what the endpoints controller would list), and the latency each
// adds: modelled GPU compute (base × GPU multiplier) + the region's network delay + any injected spike.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createInferenceHandler, type LoadedModel } from "../models/model-runtime";
import { matchesLabels, type LabelSelector } from "../store/label-selector";
import type { ServingFaults } from "./deployment-faults";
import type { FleetConfig } from "./fleet-config";

export interface ServingEndpoint {
  uid: string;
  namespace: string;
  pod: string;
  /** The owning Deployment, when the pod belongs to one (metrics and faults are per deployment). */
  deployment: string | undefined;
  labels: Record<string, string>;
  node: string;
  gpuType: string;
  podIP: string;
  model: LoadedModel | undefined;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

export class ServingRegistry {
  private readonly endpoints = new Map<string, ServingEndpoint>();

  /** `onReady` runs for each endpoint added (the cluster initialises its metrics there). */
  constructor(private readonly onReady: (ep: ServingEndpoint) => void = () => {}) {}

  add(ep: ServingEndpoint): void {
    this.endpoints.set(ep.uid, ep);
    this.onReady(ep);
  }

  remove(uid: string): void {
    this.endpoints.delete(uid);
  }

  select(namespace: string, selector: LabelSelector): ServingEndpoint[] {
    return [...this.endpoints.values()]
      .filter((e) => e.namespace === namespace && matchesLabels(selector, e.labels))
      .sort((a, b) => a.pod.localeCompare(b.pod));
  }

  all(): ServingEndpoint[] {
    return [...this.endpoints.values()];
  }
}

export interface LatencyModel {
  /** Wall milliseconds a request to this pod waits on top of the real ONNX compute. */
  extraMs(gpuType: string, namespace: string, deployment: string | undefined): number;
}

export function latencyModel(
  cfg: FleetConfig,
  region: string,
  spikes: { spikeMs(namespace: string, deployment: string | undefined): number },
): LatencyModel {
  const network = cfg.latency.region[region] ?? 0;
  return {
    extraMs(gpuType, namespace, deployment) {
      const compute = cfg.latency.baseComputeMs * (cfg.latency.gpu[gpuType] ?? 1);
      // ±10 % jitter so latency histograms have a shape rather than a single bucket.
      const jitter = 0.9 + Math.random() * 0.2;
      return (compute + network) * jitter + spikes.spikeMs(namespace, deployment);
    },
  };
}

export function podHandler(opts: {
  model: LoadedModel | undefined;
  latency: LatencyModel;
  gpuType: string;
  namespace: string;
  deployment: string | undefined;
  isReady: () => boolean;
  serverName: string;
  faults?: () => ServingFaults | undefined;
  /** Each answered inference (status and wall duration), for the server's own request log. */
  onInference?: (statusCode: number, durationMs: number) => void;
}): (req: IncomingMessage, res: ServerResponse) => void {
  return createInferenceHandler({
    ...(opts.faults ? { faults: opts.faults } : {}),
    ...(opts.onInference ? { onInference: (e) => opts.onInference!(e.statusCode, e.durationMs) } : {}),
    getModel: (name) => (opts.model && opts.model.name === name ? opts.model : undefined),
    extraLatencyMs: () => opts.latency.extraMs(opts.gpuType, opts.namespace, opts.deployment),
    isReady: opts.isReady,
    serverName: opts.serverName,
  });
}
