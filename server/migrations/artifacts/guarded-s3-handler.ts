// The HTTP handler @aws-sdk/client-s3 sends through: undici with Tern's SSRF guard (every connection's address
// checked after DNS, metadata IP literals and redirects refused), and big response buffers, which moves artifacts
// faster than the SDK's default node:http handler (measured: see server/bench/artifact-copy-bench.ts).
// Types only (erased at run time): @smithy/types ships with @aws-sdk/client-s3.
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from "@smithy/types";
import type { Readable } from "node:stream";
import { Agent } from "undici";
import { guardedConnect, refuseUnsafeTargets } from "../../net/guarded-dispatcher";

type Handler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> & {
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
};

/** RFC 3986 encoding, as S3 expects in query strings. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function queryString(query: HttpRequest["query"]): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (v === null || v === undefined) parts.push(encode(k));
    else for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encode(k)}=${encode(one)}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

/** A fresh handler with its own connection pool (one per S3 client). */
export function createGuardedS3Handler(): Handler {
  const dispatcher = new Agent({ connect: guardedConnect, keepAliveTimeout: 4_000 }).compose(refuseUnsafeTargets);
  return {
    metadata: { handlerProtocol: "http/1.1" },
    destroy: () => void dispatcher.close().catch(() => {}),
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
    async handle(request, options) {
      const headers: Record<string, string> = {};
      // undici refuses Expect (it sends the body at once, which every S3 service accepts); it is never signed.
      for (const [k, v] of Object.entries(request.headers)) if (k.toLowerCase() !== "expect") headers[k] = v;
      const port = request.port ? `:${request.port}` : "";
      const res = await dispatcher.request({
        origin: `${request.protocol}//${request.hostname}${port}`,
        path: `${request.path}${queryString(request.query)}`,
        method: request.method,
        headers,
        body: request.body as Readable | Uint8Array | string | undefined,
        signal: options?.abortSignal,
        // Socket chunks are 64 KiB: let a few MiB queue up so a slow consumer moment does not stall the sender.
        highWaterMark: 4 << 20,
      });
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) out[k] = Array.isArray(v) ? v.join(",") : v;
      const response: HttpResponse = { statusCode: res.statusCode, headers: out, body: res.body };
      return { response };
    },
  };
}
