// The simulated global load balancer on 127.0.0.1:<glbPort>. Each model has a stable endpoint,
//   /models/<model>/v2/models/<model>/infer   (any OIP path after /models/<model>)
// proxied to one of its deployments by smooth weighted round robin (nginx's algorithm: exact shares, no
// randomness), through the target cluster's data plane. GET /models lists routes; GET /metrics has counters.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MetricRegistry, PROMETHEUS_CONTENT_TYPE } from "../metrics/registry";
import type { Backend, WeightTable } from "./traffic-router";
import { sendJson } from "../fleet/http-json";

export interface GlbTarget {
  name: string;
  /** The cluster's data plane base URL (http://127.0.0.1:<dataPort>). */
  dataUrl: string;
}

export interface Glb {
  port: number;
  url: string;
  registry: MetricRegistry;
  /** The stable endpoint of a model's OIP infer API. */
  inferUrl(model: string): string;
  close(): Promise<void>;
}

const key = (b: Backend) => `${b.cluster}/${b.namespace}/${b.deployment}`;
const HELP_REQ = "Requests the simulated global load balancer forwarded, by model, backend and HTTP status code";
const HELP_DUR = "End-to-end latency of requests through the global load balancer, in seconds";

export async function startGlb(opts: { port: number; weights: WeightTable; targets: () => GlbTarget[] }): Promise<Glb> {
  const registry = new MetricRegistry();
  registry.declare("tern_glb_requests_total", HELP_REQ, "counter");
  registry.declare("tern_glb_request_duration_seconds", HELP_DUR, "histogram");
  const current = new Map<string, Map<string, number>>();
  // Idle connections are dropped after 4 s, before the data planes close theirs (keepAliveTimeout 5 s): otherwise a
  // request sent on a connection the backend is closing at that moment fails (ECONNRESET, "socket hang up"), a
  // dropped request that no migration caused. As a real load balancer's idle timeout is below its backends'.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

  function choose(model: string): Backend | undefined {
    const backends = opts.weights.resolve(model).filter((b) => b.weight > 0);
    if (backends.length === 0) return undefined;
    const cw = current.get(model) ?? new Map<string, number>();
    current.set(model, cw);
    const total = backends.reduce((n, b) => n + b.weight, 0);
    let best: Backend | undefined;
    for (const b of backends) {
      cw.set(key(b), (cw.get(key(b)) ?? 0) + b.weight);
      if (!best || cw.get(key(b))! > cw.get(key(best))!) best = b;
    }
    cw.set(key(best!), cw.get(key(best!))! - total);
    return best;
  }

  function proxy(req: IncomingMessage, res: ServerResponse, model: string, rest: string, search: string): void {
    const started = performance.now();
    const backend = choose(model);
    const record = (code: number) => {
      const labels = {
        model,
        cluster: backend?.cluster ?? "",
        namespace: backend?.namespace ?? "",
        deployment: backend?.deployment ?? "",
      };
      registry.inc("tern_glb_requests_total", HELP_REQ, { ...labels, code: String(code) });
      registry.observe("tern_glb_request_duration_seconds", HELP_DUR, labels, (performance.now() - started) / 1000);
    };
    if (!backend) {
      record(503);
      return sendJson(res, 503, {
        error: `model '${model}' has no backend with a weight above 0 (deploy it, or set weights)`,
      });
    }
    const target = opts.targets().find((t) => t.name === backend.cluster);
    if (!target) {
      record(502);
      return sendJson(res, 502, {
        error: `model '${model}' routes to cluster '${backend.cluster}', which is not in this fleet`,
      });
    }
    const url = new URL(
      `${target.dataUrl}/namespaces/${backend.namespace}/deployments/${backend.deployment}${rest}${search}`,
    );
    const headers = { ...req.headers, host: url.host, "x-forwarded-for": req.socket.remoteAddress ?? "" };
    const up = http.request(url, { method: req.method, headers, agent, timeout: 30_000 }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, { ...upRes.headers, "x-tern-backend": key(backend) });
      upRes.pipe(res);
      upRes.once("end", () => record(upRes.statusCode ?? 502));
    });
    up.once("timeout", () => up.destroy(new Error("backend timed out after 30 s")));
    up.once("error", (e) => {
      record(502);
      if (!res.headersSent) sendJson(res, 502, { error: `backend ${key(backend)} failed: ${e.message}` });
      else res.destroy();
    });
    req.pipe(up);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/metrics") {
      res.writeHead(200, { "content-type": PROMETHEUS_CONTENT_TYPE });
      return res.end(registry.render());
    }
    if (url.pathname === "/models" || url.pathname === "/models/") {
      return sendJson(res, 200, {
        models: opts.weights.models().map((m) => ({ model: m, backends: opts.weights.resolve(m) })),
      });
    }
    const m = /^\/models\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m)
      return sendJson(res, 404, {
        error: `no such endpoint: ${url.pathname} (use /models/<model>/v2/models/<model>/infer)`,
      });
    const model = decodeURIComponent(m[1]!);
    if (!m[2] || m[2] === "/") return sendJson(res, 200, { model, backends: opts.weights.resolve(model) });
    proxy(req, res, model, m[2], url.search);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    port,
    url,
    registry,
    inferUrl: (model) => `${url}/models/${encodeURIComponent(model)}/v2/models/${encodeURIComponent(model)}/infer`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
