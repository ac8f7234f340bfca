// Which TrafficRouter this Tern uses (TERN_TRAFFIC_ROUTER): the simulated GLB when the fleet of `npm start` runs
// (its manifest in TERN_DATA_DIR/sim/fleet.json), HTTPRoutes on a registered gateway cluster (gateway-api), or none.
import { readFileSync } from "node:fs";
import path from "node:path";
import { env, type Env } from "../../env";
import { createGatewayApiTrafficRouter } from "../../migrations/traffic/gateway-api-traffic-router";
import { createSimTrafficRouter } from "../../migrations/traffic/sim-traffic-router";
import type { TrafficRouter } from "../../migrations/traffic/traffic-router";
import { connectGatewayCluster } from "./connect-gateway-cluster";

let configured: TrafficRouter | null | undefined;
/** One gateway router per process (it keeps the gateway cluster's connection), by its settings. */
let gateway: { key: string; router: TrafficRouter } | undefined;

/** Sets the router this process uses instead of the environment's (tests, embedding); undefined resets. */
export function configureTrafficRouter(router: TrafficRouter | null | undefined): void {
  configured = router;
}

function simRouter(dataDir: string): TrafficRouter | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(path.resolve(dataDir), "sim", "fleet.json"), "utf8")) as {
      admin?: { url?: string };
      glb?: { url?: string };
    };
    if (!manifest.admin?.url || !manifest.glb?.url) return null;
    return createSimTrafficRouter({ adminUrl: manifest.admin.url, glbUrl: manifest.glb.url });
  } catch {
    return null;
  }
}

function gatewayRouter(e: Env): TrafficRouter {
  const cluster = e.TERN_GATEWAY_CLUSTER!; // env() refuses gateway-api without it
  const [ns, name] = e.TERN_GATEWAY_NAME.includes("/")
    ? (e.TERN_GATEWAY_NAME.split("/") as [string, string])
    : [undefined, e.TERN_GATEWAY_NAME];
  const key = JSON.stringify([cluster, e.TERN_GATEWAY_NAMESPACE, e.TERN_GATEWAY_NAME]);
  if (gateway?.key !== key)
    gateway = {
      key,
      router: createGatewayApiTrafficRouter({
        gateway: () => connectGatewayCluster({ cluster }),
        namespace: e.TERN_GATEWAY_NAMESPACE,
        parentRef: {
          group: "gateway.networking.k8s.io",
          kind: "Gateway",
          name,
          ...(ns && ns !== e.TERN_GATEWAY_NAMESPACE ? { namespace: ns } : {}),
        },
      }),
    };
  return gateway.router;
}

export function trafficRouterFromEnv(dataDir?: string): TrafficRouter | null {
  if (configured !== undefined) return configured;
  const e = env();
  switch (e.TERN_TRAFFIC_ROUTER) {
    case "none":
      return null;
    case "gateway-api":
      return gatewayRouter(e);
    case "sim":
    case "auto":
      return simRouter(dataDir ?? e.TERN_DATA_DIR);
  }
}
