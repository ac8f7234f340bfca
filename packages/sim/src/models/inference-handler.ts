// A node:http handler speaking the Open Inference Protocol v2 REST API (as KServe and Triton do), so a
// simulated pod answers real requests with its real model. Errors are JSON { "error": "…" }.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { infer, modelMetadata, type LoadedModel } from "./model-runtime";
import { InferenceRequestError } from "./oip-types";

export interface InferenceEvent {
  model: string;
  statusCode: number;
  durationMs: number;
}

export interface InferenceHandlerOptions {
  /** The model this server holds under a name, or undefined when it has none (→ 404). */
  getModel: (name: string) => LoadedModel | undefined | Promise<LoadedModel | undefined>;
  /** Added before answering a successful infer request: the simulated GPU-type and region latency profile. */
  extraLatencyMs?: () => number;
  /** Server readiness for /v2/health/ready (a pod still loading its model is live but not ready). */
  isReady?: () => boolean;
  /** Called once per infer request when its response is finished, for metrics (latency, errors). */
  onInference?: (event: InferenceEvent) => void;
  maxBodyBytes?: number;
  serverName?: string;
  /** Injected faults, read per infer request: a share answered with an HTTP error, outputs shifted by a delta. */
  faults?: () => { errorRate: number; errorCode: number; outputDelta: number } | undefined;
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(statusCode, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining past the limit (not destroying the socket), so the client reads the 413.
      if (size > limit) return reject(new HttpError(413, `the request body is larger than ${limit} bytes`));
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
  const text = body.toString("utf8");
  if (!text.trim()) throw new HttpError(400, 'the request body is empty; send a JSON object with an "inputs" array');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `the request body is not valid JSON (${e instanceof Error ? e.message : "parse error"})`);
  }
}

const allow = (method: string, req: IncomingMessage) => {
  if (req.method !== method) throw new HttpError(405, `use ${method} for this endpoint`, { allow: method });
};

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `bad URL encoding in "${segment}"`);
  }
}

// /v2/models/{name}[/versions/{version}][/ready|/infer]
const MODEL_ROUTE = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer))?$/;

export function createInferenceHandler(
  opts: InferenceHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = opts.maxBodyBytes ?? 8 * 1024 * 1024;
  const serverName = opts.serverName ?? "tern-sim-onnx";

  async function modelOr404(name: string, version: string | undefined): Promise<LoadedModel> {
    const model = await opts.getModel(name);
    if (!model) throw new HttpError(404, `model "${name}" is not served here`);
    if (version !== undefined && version !== model.version) {
      throw new HttpError(
        404,
        `model "${name}" version "${version}" is not served here (this server has version "${model.version}")`,
      );
    }
    return model;
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    onInfer: (name: string) => void,
  ): Promise<void> {
    if (pathname === "/v2") {
      allow("GET", req);
      return sendJson(res, 200, { name: serverName, version: "2", extensions: [] });
    }
    if (pathname === "/v2/health/live") {
      allow("GET", req);
      return sendJson(res, 200, { live: true });
    }
    if (pathname === "/v2/health/ready") {
      allow("GET", req);
      const ready = opts.isReady?.() ?? true;
      return sendJson(res, ready ? 200 : 503, { ready });
    }
    const m = MODEL_ROUTE.exec(pathname);
    if (!m?.[1]) throw new HttpError(404, `no such endpoint: ${req.method ?? "GET"} ${pathname}`);
    const name = decode(m[1]);
    const version = m[2] === undefined ? undefined : decode(m[2]);
    if (m[3] === "infer") {
      allow("POST", req);
      onInfer(name);
      const model = await modelOr404(name, version);
      const body = await readJsonBody(req, limit);
      const fault = opts.faults?.();
      if (fault && fault.errorRate > 0 && Math.random() < fault.errorRate)
        throw new HttpError(fault.errorCode, `simulated model server failure (error-rate fault on this deployment)`);
      const response = await infer(model, body);
      if (fault?.outputDelta) {
        const delta = fault.outputDelta;
        for (const o of response.outputs) o.data = o.data.map((v) => (typeof v === "number" ? v + delta : v));
      }
      const extra = opts.extraLatencyMs?.() ?? 0;
      if (extra > 0) await sleep(extra);
      return sendJson(res, 200, response);
    }
    allow("GET", req);
    const model = await modelOr404(name, version);
    if (m[3] === "ready") return sendJson(res, 200, { name: model.name, ready: true });
    return sendJson(res, 200, modelMetadata(model));
  }

  return (req, res) => {
    const started = performance.now();
    // new URL throws on some malformed request targets; a throw here would escape the server's listener.
    let pathname = "/";
    try {
      pathname = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "") || "/";
    } catch {
      return sendJson(res, 400, { error: "the request URL is malformed" });
    }
    const onInfer = (model: string) => {
      res.once("finish", () =>
        opts.onInference?.({ model, statusCode: res.statusCode, durationMs: performance.now() - started }),
      );
    };
    route(req, res, pathname, onInfer).catch((e: unknown) => {
      if (e instanceof HttpError) return sendJson(res, e.statusCode, { error: e.message }, e.headers);
      if (e instanceof InferenceRequestError) return sendJson(res, e.statusCode, { error: e.message });
      sendJson(res, 500, { error: `inference failed: ${e instanceof Error ? e.message : String(e)}` });
    });
  };
}
