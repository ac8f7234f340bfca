// TrafficRouter: the per-backend weights of a model's stable endpoint, the one way Tern shifts live traffic
// between clouds. Shaped like Gateway API HTTPRoute.spec.rules[].backendRefs[].weight; setWeights resolves only
// once the router reports the weights in effect. Implementations per provider, all mapping onto this contract:
//   - Kubernetes Gateway API (Envoy Gateway, Istio, GKE multi-cluster Gateway with ServiceImport backends):
//     patch HTTPRoute backendRefs[].weight; in effect when status.parents[] is Accepted for the new generation.
//   - AWS: Route 53 weighted record sets (one per backend, weight 0-255; in effect when GetChange is INSYNC,
//     plus the record TTL) or Global Accelerator endpoint weights / traffic dials (UpdateEndpointGroup).
//   - Google Cloud: global external Application Load Balancer URL map weightedBackendServices, or Cloud DNS
//     weighted round robin routing policies.
//   - Azure: Traffic Manager weighted endpoints, or Front Door origin weights.
//   - Alibaba Cloud: GTM (Global Traffic Manager) address pool weights / Alibaba Cloud DNS weighted records;
//     Huawei Cloud: DNS weighted record sets; Tencent Cloud: DNSPod weights or GAAP; Cloudflare: LB pool weights.
//   - The simulator: its GLB, through the fleet's admin API (sim-traffic-router.ts).
import { z } from "zod";

export interface TrafficBackend {
  /** The cluster's name as the router knows it (for the simulator: the fleet's cluster name; see sim-traffic-router). */
  cluster: string;
  namespace: string;
  deployment: string;
  /** Relative weight ≥ 0; weights need not add up to 100. */
  weight: number;
}

export const ZTrafficBackend = z.object({
  cluster: z.string().min(1),
  namespace: z.string().min(1),
  deployment: z.string().min(1),
  weight: z.number().min(0),
});

export interface SetWeightsOptions {
  /** How long to wait for the weights to be in effect (default 30 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface TrafficRouter {
  /** The weights in effect now (a model without explicit weights reports its default routing). */
  getWeights(model: string): Promise<TrafficBackend[]>;
  /** Sets the weights and resolves with them once the router reports them in effect; rejects with TrafficRouterError. */
  setWeights(model: string, backends: TrafficBackend[], opts?: SetWeightsOptions): Promise<TrafficBackend[]>;
}

export type TrafficErrorCode = "invalid" | "unavailable" | "timeout";

export class TrafficRouterError extends Error {
  constructor(
    readonly code: TrafficErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TrafficRouterError";
  }
}

const keyOf = (b: Omit<TrafficBackend, "weight">) => `${b.cluster}/${b.namespace}/${b.deployment}`;

/** True when both lists give every backend the same weight (order does not matter; absent = 0). */
export function sameWeights(a: readonly TrafficBackend[], b: readonly TrafficBackend[]): boolean {
  const m = (l: readonly TrafficBackend[]) => new Map(l.filter((x) => x.weight > 0).map((x) => [keyOf(x), x.weight]));
  const [x, y] = [m(a), m(b)];
  return x.size === y.size && [...x].every(([k, w]) => y.get(k) === w);
}

/** "aws-use1-gpu/models/credit-risk=90, gcp-euw4-gpu/models/credit-risk=10", for step logs. */
export const formatWeights = (l: readonly TrafficBackend[]) => l.map((b) => `${keyOf(b)}=${b.weight}`).join(", ");
