// A cluster's plain-HTTP data plane on 127.0.0.1:<dataPort>: Prometheus /metrics, and path-routed service
// endpoints that load-balance (round robin) over ready model-server pods:
//   /namespaces/<ns>/services/<service>/v2/...       (by the Service's selector)
//   /namespaces/<ns>/deployments/<deployment>/v2/... (by the Deployment's selector; what the GLB uses)
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderKubeStateMetrics } from "../metrics/kube-state-metrics";
import { PROMETHEUS_CONTENT_TYPE } from "../metrics/registry";
import type { ServingMetrics } from "../metrics/serving-metrics";
import { selectorFromSpec, type LabelSelector } from "../store/label-selector";
import type { ObjectStore } from "../store/object-store";
import { asObj } from "./k8s-objects";
import type { ServingEndpoint, ServingRegistry } from "./serving";
import { sendJson } from "./http-json";

const ROUTE = /^\/namespaces\/([^/]+)\/(services|deployments)\/([^/]+)(\/.*)?$/;
const MATCH_NOTHING: LabelSelector = [{ key: "kubernetes.io/metadata.name", op: "in", values: [] }];
const INFER = /^\/v2\/models\/([^/]+)(?:\/versions\/[^/]+)?\/infer$/;

export interface DataPlane {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startDataPlane(opts: {
  port: number;
  cluster: string;
  store: ObjectStore;
  serving: ServingRegistry;
  metrics: ServingMetrics;
}): Promise<DataPlane> {
  const { store, serving, metrics } = opts;
  const turn = new Map<string, number>();

  function selectorFor(ns: string, kind: string, name: string): LabelSelector | undefined {
    if (kind === "services") {
      const svc = store.get("services", ns, name);
      if (!svc) return undefined;
      const sel = asObj(svc.spec?.selector) as Record<string, string> | undefined;
      // A Service without a selector has endpoints someone else manages: here, none.
      return sel ? Object.entries(sel).map(([key, v]) => ({ key, op: "in" as const, values: [v] })) : MATCH_NOTHING;
    }
    const d = store.get("deployments", ns, name);
    return d ? selectorFromSpec(asObj(d.spec?.selector) ?? {}) : undefined;
  }

  function pick(key: string, eps: ServingEndpoint[]): ServingEndpoint | undefined {
    if (eps.length === 0) return undefined;
    const i = (turn.get(key) ?? 0) % eps.length;
    turn.set(key, i + 1);
    return eps[i];
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/metrics") {
      res.writeHead(200, { "content-type": PROMETHEUS_CONTENT_TYPE });
      res.end(metrics.registry.render() + renderKubeStateMetrics(store, opts.cluster));
      return;
    }
    if (url.pathname === "/healthz") return sendJson(res, 200, { ok: true });
    const m = ROUTE.exec(url.pathname);
    if (!m)
      return sendJson(res, 404, {
        error: `no such endpoint: ${url.pathname} (use /namespaces/<ns>/services/<name>/v2/... or /metrics)`,
      });
    const [, ns, kind, name, rest = "/"] = m as unknown as [string, string, string, string, string | undefined];
    const selector = selectorFor(ns, kind, name);
    const what = `${kind === "services" ? "service" : "deployment"} ${ns}/${name}`;
    if (!selector) return sendJson(res, 404, { error: `${what} not found in cluster ${opts.cluster}` });
    const ep = pick(`${kind}/${ns}/${name}`, serving.select(ns, selector));
    const infer = req.method === "POST" ? INFER.exec(rest) : null;
    const started = performance.now();
    if (infer) {
      res.once("finish", () =>
        metrics.record({
          namespace: ns,
          deployment: ep?.deployment ?? name,
          model: ep?.model?.name ?? decodeURIComponent(infer[1]!),
          modelVersion: ep?.model?.version ?? "",
          pod: ep?.pod ?? "",
          statusCode: res.statusCode,
          seconds: (performance.now() - started) / 1000,
        }),
      );
    }
    if (!ep) return sendJson(res, 503, { error: `no ready endpoints for ${what} in cluster ${opts.cluster}` });
    req.url = rest + url.search;
    ep.handle(req, res);
  }

  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
