// TrafficRouter for the simulated fleet's GLB: weights go to the fleet's admin API (PUT /traffic/<model>), and
// setWeights polls the GLB's own view (GET /models/<model>) until it routes with them, as a real GLB is polled.
// Cluster names are the fleet's (fleet.json clusters[].name); the demo registers them under the same names in
// Tern, and `clusterNames` maps them (both ways) when a Tern cluster was registered under another name.
import {
  sameWeights,
  formatWeights,
  TrafficRouterError,
  ZTrafficBackend,
  type SetWeightsOptions,
  type TrafficBackend,
  type TrafficRouter,
} from "./traffic-router";
import { z } from "zod";
import { errorMessage } from "../../domain/error-message";

export interface SimTrafficRouterOptions {
  /** The fleet admin API (fleet.json admin.url), e.g. http://127.0.0.1:16431. */
  adminUrl: string;
  /** The GLB (fleet.json glb.url), e.g. http://127.0.0.1:16430. */
  glbUrl: string;
  /** Tern's cluster name → the fleet's, where they differ. */
  clusterNames?: Record<string, string>;
  pollMs?: number;
  requestTimeoutMs?: number;
}

const ZView = z.object({ backends: z.array(ZTrafficBackend) });
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => (clearTimeout(t), reject(new TrafficRouterError("timeout", "setting weights was cancelled"))),
      { once: true },
    );
  });

export function createSimTrafficRouter(o: SimTrafficRouterOptions): TrafficRouter {
  const names = o.clusterNames ?? {};
  const back = Object.fromEntries(Object.entries(names).map(([tern, fleet]) => [fleet, tern]));
  const toFleet = (n: string) => names[n] ?? n;
  const fromFleet = (n: string) => back[n] ?? n;
  const timeout = () => AbortSignal.timeout(o.requestTimeoutMs ?? 5_000);

  async function call(url: string, init: RequestInit = {}): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: timeout() });
    } catch (e) {
      throw new TrafficRouterError(
        "unavailable",
        `the simulated GLB's admin API at ${new URL(url).origin} did not answer (${errorMessage(e)})`,
      );
    }
    const body: unknown = await res.json().catch(() => ({}));
    if (res.status === 400)
      throw new TrafficRouterError("invalid", (body as { error?: string }).error ?? "the router refused the weights");
    if (!res.ok)
      throw new TrafficRouterError(
        "unavailable",
        `the simulated GLB answered HTTP ${res.status} for ${new URL(url).pathname}`,
      );
    return body;
  }

  async function effective(model: string): Promise<TrafficBackend[]> {
    const parsed = ZView.safeParse(await call(`${o.glbUrl}/models/${encodeURIComponent(model)}`));
    if (!parsed.success)
      throw new TrafficRouterError("unavailable", `the simulated GLB sent an unexpected answer for model ${model}`);
    return parsed.data.backends.map((b) => ({ ...b, cluster: fromFleet(b.cluster) }));
  }

  return {
    getWeights: effective,
    async setWeights(model: string, backends: TrafficBackend[], opts: SetWeightsOptions = {}) {
      const wanted = backends.map((b) => ({ ...b, cluster: toFleet(b.cluster) }));
      await call(`${o.adminUrl}/traffic/${encodeURIComponent(model)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ backends: wanted }),
      });
      // An empty list restores the default routing, which has no weights to wait for.
      if (wanted.length === 0) return effective(model);
      const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
      for (;;) {
        const now = await effective(model);
        if (sameWeights(now, backends)) return now;
        if (Date.now() > deadline)
          throw new TrafficRouterError(
            "timeout",
            `weights for ${model} were set but not in effect within ${(opts.timeoutMs ?? 30_000) / 1000} s (GLB routes ${formatWeights(now)}; wanted ${formatWeights(backends)})`,
          );
        await sleep(o.pollMs ?? 100, opts.signal);
      }
    },
  };
}
