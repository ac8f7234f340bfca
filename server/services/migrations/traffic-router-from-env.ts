// Which TrafficRouter this Tern uses: the simulated GLB when the fleet of `npm start` runs (its manifest
// in TERN_DATA_DIR/sim/fleet.json), otherwise none — production routers plug in here (see README).
import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "../../env";
import { createSimTrafficRouter } from "../../migrations/traffic/sim-traffic-router";
import type { TrafficRouter } from "../../migrations/traffic/traffic-router";

export function trafficRouterFromEnv(dataDir = env().TERN_DATA_DIR): TrafficRouter | null {
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
