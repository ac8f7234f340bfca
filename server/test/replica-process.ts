// One Tern replica for the multi-replica tests and bench: Tern's real route handlers (auth, tRPC, /api/live)
// on node:http, with the change feed and the background workers, exactly as instrumentation.ts starts them
// in `next start` (the pages themselves are not served: the tests need no browser). Configured by the same
// environment as Tern (DATABASE_URL, PORT, …); prints `ready <port>` once it listens.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { installPeerStamp } from "../auth/install-peer-stamp";
import { ensureChangeFeed } from "../services/changes/ensure-change-feed";
import { startWorkers } from "../workers/start-workers";
import { env } from "../env";
import * as auth from "../../app/api/auth/[...all]/route";
import * as trpc from "../../app/api/trpc/[trpc]/route";
import * as live from "../../app/api/live/route";

type Handler = (req: Request) => Promise<Response> | Response;

function route(pathname: string, method: string): Handler | null {
  const pick = (m: { GET: Handler; POST?: Handler }) => (method === "POST" ? (m.POST ?? null) : m.GET);
  if (pathname.startsWith("/api/auth/")) return pick(auth);
  if (pathname.startsWith("/api/trpc/")) return pick(trpc);
  if (pathname === "/api/live" && method === "GET") return live.GET;
  return null;
}

async function toRequest(req: http.IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  const chunks: Buffer[] = [];
  if (req.method === "POST") for await (const c of req) chunks.push(c as Buffer);
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    signal,
  });
}

async function main() {
  installPeerStamp();
  await ensureChangeFeed()?.ready;
  startWorkers();
  const server = http.createServer((req, res) => {
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const origin = `http://${req.headers.host ?? "localhost"}`;
    const handler = route(new URL(req.url ?? "/", origin).pathname, req.method ?? "GET");
    if (!handler) {
      res.writeHead(404).end("not served by the test replica");
      return;
    }
    void (async () => {
      try {
        const response = await handler(await toRequest(req, origin, abort.signal));
        const headers: Record<string, string | string[]> = {};
        response.headers.forEach((v, k) => {
          if (k !== "set-cookie") headers[k] = v;
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length) headers["set-cookie"] = cookies;
        res.writeHead(response.status, headers);
        if (!response.body) return void res.end();
        const reader = response.body.getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) res.write(r.value);
        res.end();
      } catch (e) {
        if (!res.headersSent) res.writeHead(500);
        res.end(e instanceof Error ? e.message : "error");
      }
    })();
  });
  server.listen(env().PORT, "127.0.0.1", () => {
    console.log(`ready ${(server.address() as AddressInfo).port}`);
  });
}

void main();
