// The simulated cluster's Kubernetes API server: HTTPS (or HTTP for tests) over an ObjectStore, with fault injection.
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { ObjectStore } from "../store/object-store";
import type { TokenGrant } from "./auth";
import { dispatch } from "./dispatch";
import { ApiFaults } from "./faults";
import type { ServerContext } from "./request-context";
import type { PodLogSource } from "./handle-pod-log";
import type { ServiceProxyBackend } from "./service-proxy";
import { sendError, sendStatus } from "./respond";
import { failure } from "./status-errors";

export interface ApiServerOptions {
  store: ObjectStore;
  tokens: TokenGrant[];
  /** PEM key and certificate (see createClusterCertificates); omit only with `insecureHttp`. */
  tls?: { key: string; cert: string };
  /** Serve plain HTTP (tests only: kubectl sends bearer tokens over HTTPS only). */
  insecureHttp?: boolean;
  clusterName: string;
  faults?: ApiFaults;
  /** How often watches that asked for bookmarks get one; well under client-node's 30 s idle timeout. */
  bookmarkIntervalMs?: number;
  /** The cluster's ready endpoints for services/proxy (the fleet's model servers). */
  serviceProxy?: ServiceProxyBackend;
  /** The cluster's container output, for pods/log. */
  podLogs?: PodLogSource;
}

export interface ApiServer {
  /** Starts listening; port 0 picks a free port. Resolves to the port. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
  readonly faults: ApiFaults;
  readonly clusterName: string;
  /** `https://127.0.0.1:PORT` once listening. */
  readonly url: string;
}

export function createApiServer(opts: ApiServerOptions): ApiServer {
  const faults = opts.faults ?? new ApiFaults();
  const ctx: ServerContext = {
    store: opts.store,
    faults,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 5000,
    ...(opts.serviceProxy ? { serviceProxy: opts.serviceProxy } : {}),
    ...(opts.podLogs ? { podLogs: opts.podLogs } : {}),
  };
  const sockets = new Set<Socket>();
  let bound: { port: number; host: string } | undefined;
  let closed = false;

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const run = async () => {
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      if (faults.outage) {
        if (faults.outageMode === "unavailable")
          return sendStatus(res, failure("ServiceUnavailable", "the server is currently unable to handle the request"));
        return void res.destroy(); // a request that slipped in while the listener was closing
      }
      await dispatch(req, res, ctx, opts.tokens);
    };
    run().catch((err: unknown) => sendError(res, err));
  };

  if (!opts.insecureHttp && !opts.tls) throw new Error("createApiServer: pass tls {key, cert} or insecureHttp: true");
  const server = opts.insecureHttp
    ? http.createServer(onRequest)
    : https.createServer({ key: opts.tls!.key, cert: opts.tls!.cert }, onRequest);
  // Watches are long-lived; Node's default request/headers timeouts would cut them.
  server.requestTimeout = 0;
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  const startListening = (port: number, host: string) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        const addr = server.address();
        const p = typeof addr === "object" && addr ? addr.port : port;
        bound = { port: p, host };
        resolve(p);
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  // "refuse" outages close the listener, so clients get ECONNREFUSED as from a dead control plane.
  const applyOutage = () => {
    if (closed || !bound) return;
    const refuse = faults.outage && faults.outageMode === "refuse";
    if (refuse && server.listening) void stopListening();
    if (!refuse && !server.listening) {
      const { port, host } = bound;
      startListening(port, host).catch((err: unknown) =>
        console.error(`[sim apiserver ${opts.clusterName}] could not listen again on ${host}:${port}`, err),
      );
    }
  };
  const offOutage = faults.onOutageChange(applyOutage);

  return {
    faults,
    clusterName: opts.clusterName,
    get url() {
      if (!bound) throw new Error("the API server is not listening yet");
      const host = bound.host.includes(":") ? `[${bound.host}]` : bound.host;
      return `${opts.insecureHttp ? "http" : "https"}://${host}:${bound.port}`;
    },
    async listen(port, host = "127.0.0.1") {
      const p = await startListening(port, host);
      applyOutage();
      return p;
    },
    async close() {
      closed = true;
      offOutage();
      await stopListening();
    },
  };
}
