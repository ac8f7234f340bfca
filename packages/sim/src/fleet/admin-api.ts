// The fleet's admin API on 127.0.0.1:<adminPort> (loopback only): faults, GLB weights and load statistics.
//   GET  /faults              state per cluster       POST /faults  {kind, cluster, …}  DELETE /faults  (clear all)
//   GET  /traffic             weights of every model  GET|PUT /traffic/<model>  {backends:[{cluster,namespace,deployment,weight}]}
//   GET  /load                load generator counts   GET /fleet  the fleet manifest
//   GET  /stores              each cloud's S3 endpoint and bucket, and the store faults (outage, bandwidth)
// Writes need Content-Type: application/json and a loopback Host, so a web page cannot forge them (no CORS, no rebinding).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { applyFault, FaultError, faultState, type FaultTarget } from "./fleet-faults";
import { BadRequest, readJson, sendJson } from "./http-json";
import { TrafficRouterError, type WeightTable } from "../traffic/traffic-router";
import type { ModelLoadStats } from "../traffic/load-generator";
import type { StoreFaults } from "../artifacts/store-faults";

export interface AdminApiOptions {
  port: number;
  targets: Map<string, FaultTarget>;
  /** The clouds' object stores (one S3 endpoint, bucket = cloud id) and their faults. */
  stores?: { faults: StoreFaults; clouds: string[]; endpoint: string };
  weights: WeightTable;
  loadStats: () => Record<string, ModelLoadStats> | undefined;
  manifest: () => unknown;
  log?: (line: string) => void;
}

export interface AdminApi {
  port: number;
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const isLoopback = (addr: string | undefined) => addr === "127.0.0.1" || addr === "::1" || addr === "::ffff:127.0.0.1";

export async function startAdminApi(opts: AdminApiOptions): Promise<AdminApi> {
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    if (
      method !== "GET" &&
      !(req.headers["content-type"] ?? "").startsWith("application/json") &&
      method !== "DELETE"
    ) {
      return sendJson(res, 415, { error: "send Content-Type: application/json" });
    }
    if (url.pathname === "/healthz") return sendJson(res, 200, { ok: true });
    if (url.pathname === "/fleet") return sendJson(res, 200, opts.manifest());
    if (url.pathname === "/load")
      return sendJson(res, 200, { enabled: opts.loadStats() !== undefined, models: opts.loadStats() ?? {} });
    if (url.pathname === "/faults") {
      if (method === "GET") return sendJson(res, 200, faultState(opts.targets));
      if (method === "POST") {
        const done = applyFault(opts.targets, await readJson(req), opts.stores);
        opts.log?.(`fault: ${done}`);
        return sendJson(res, 200, { applied: done, state: faultState(opts.targets) });
      }
      if (method === "DELETE") {
        for (const [name, t] of opts.targets) {
          t.api.outage = false;
          t.api.latencyMs = 0;
          for (const node of t.runtime.nodes.lostNodes()) t.runtime.nodes.restoreNode(node);
          t.runtime.faults.clear();
          t.runtime.kubelets.poke();
          opts.log?.(`fault: cleared on ${name}`);
        }
        opts.stores?.faults.clear();
        return sendJson(res, 200, faultState(opts.targets));
      }
    }
    if (url.pathname === "/stores" && method === "GET" && opts.stores) {
      const s = opts.stores;
      return sendJson(res, 200, {
        endpoint: s.endpoint,
        stores: s.clouds.map((cloud) => ({ cloud, bucket: cloud, uriPrefix: `s3://${cloud}/` })),
        faults: s.faults.state(),
      });
    }
    if (url.pathname === "/traffic" && method === "GET") {
      return sendJson(res, 200, {
        models: opts.weights.models().map((model) => ({ model, backends: opts.weights.resolve(model) })),
      });
    }
    const m = /^\/traffic\/([^/]+)$/.exec(url.pathname);
    if (m) {
      const model = decodeURIComponent(m[1]!);
      // backends: what the GLB routes with now; desired: the last weights set (still propagating while they differ).
      const view = () => ({
        model,
        backends: opts.weights.resolve(model),
        desired: opts.weights.desired(model) ?? null,
      });
      if (method === "GET") return sendJson(res, 200, view());
      if (method === "PUT") {
        const body = await readJson(req);
        const backends = body !== null && typeof body === "object" && "backends" in body ? body.backends : body;
        opts.weights.set(model, backends);
        opts.log?.(
          `traffic: ${model} → ${(opts.weights.desired(model) ?? [])
            .map((b) => `${b.cluster}/${b.namespace}/${b.deployment}=${b.weight}`)
            .join(", ")}`,
        );
        return sendJson(res, 200, view());
      }
    }
    sendJson(res, 404, {
      error: `no such endpoint: ${method} ${url.pathname} (see /faults, /traffic, /load, /stores, /fleet)`,
    });
  }

  const server = http.createServer((req, res) => {
    if (!isLoopback(req.socket.remoteAddress) || !LOOPBACK_HOST.test(req.headers.host ?? ""))
      return sendJson(res, 403, { error: "the admin API is loopback only" });
    route(req, res).catch((e: unknown) => {
      const known =
        e instanceof FaultError ||
        e instanceof TrafficRouterError ||
        e instanceof BadRequest ||
        e instanceof RangeError;
      sendJson(res, known ? 400 : 500, { error: e instanceof Error ? e.message : String(e) });
    });
  });
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
