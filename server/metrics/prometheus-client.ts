// Prometheus HTTP API client. Failures are data, never exceptions and never zeros: a Prometheus that is down
// shows as "unreachable", a slow one as "timeout", so a chart can say what is wrong. Connections go through
// Tern's SSRF guards (server/net): no metadata addresses, no redirects, and a cap on the answer's size.
import { fetch as undiciFetch } from "undici";
import {
  createGuardedDispatcher,
  REDIRECT_CODE,
  RedirectRefusedError as RedirectAnswer,
} from "../net/guarded-dispatcher";
import { REFUSED_CODE } from "../net/refused-address";
import { errorMessage } from "../domain/error-message";
import { isLoopbackUrl } from "./same-prometheus";
export type Point = [tMs: number, value: number];

export interface Series {
  labels: Record<string, string>;
  points: Point[];
}

export type PromErrorKind = "unreachable" | "timeout" | "bad_query" | "server_error";

export interface PromError {
  kind: PromErrorKind;
  message: string;
}

export type QueryResult = { ok: true; series: Series[]; warnings?: string[] } | { ok: false; error: PromError };

export interface PrometheusClientOptions {
  /** e.g. http://127.0.0.1:9090, or a prefix such as https://mimir.example/prometheus */
  baseUrl: string;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** For tests and proxies; a fetch with Tern's SSRF guards otherwise. */
  fetch?: typeof fetch;
  /** Largest answer read for one query (default 8 MiB); a bigger one is an error, not a partial chart. */
  maxResponseBytes?: number;
}

export interface QueryOptions {
  signal?: AbortSignal;
}

export interface PrometheusClient {
  readonly baseUrl: string;
  /** Instant query; `time` in epoch ms or a Date, default now (Prometheus' clock). */
  query(promql: string, time?: number | Date, opts?: QueryOptions): Promise<QueryResult>;
  /** Range query; start/end in epoch ms or Dates, step in seconds. */
  queryRange(
    promql: string,
    start: number | Date,
    end: number | Date,
    stepSeconds: number,
    opts?: QueryOptions,
  ): Promise<QueryResult>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

let dispatcher: ReturnType<typeof createGuardedDispatcher> | undefined;
/** The global fetch's shape over undici's fetch with the guarded dispatcher (undici's types differ only in detail). */
const guardedFetch: typeof fetch = (input, init) => {
  dispatcher ??= createGuardedDispatcher();
  const args = { ...init, dispatcher, redirect: "manual" } as Parameters<typeof undiciFetch>[1];
  return undiciFetch(input as Parameters<typeof undiciFetch>[0], args) as unknown as Promise<Response>;
};

class TooLargeError extends Error {}

/** Reads at most `max` bytes of a body; throws TooLargeError past that (and stops the download). */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    throw new TooLargeError();
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new TooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Prometheus' own error text (e.g. a PromQL parse error), only from an answer shaped like its API, on one short line. */
function promErrorText(rec: Record<string, unknown>): string {
  const known = ["timeout", "canceled", "execution", "bad_data", "internal", "unavailable", "not_found"];
  if (rec.status !== "error" || typeof rec.errorType !== "string" || !known.includes(rec.errorType)) return "";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a message
  const text = typeof rec.error === "string" ? rec.error.replace(/[\u0000-\u001f\u007f]+/g, " ").trim() : "";
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const toSeconds = (t: number | Date) => ((t instanceof Date ? t.getTime() : t) / 1000).toFixed(3);

/** Prometheus sends sample values as strings, with Go's spellings of the special values. */
export function parseSampleValue(v: unknown): number {
  if (typeof v !== "string") return NaN;
  if (v === "+Inf") return Infinity;
  if (v === "-Inf") return -Infinity;
  return v === "NaN" ? NaN : Number(v);
}

function parsePoint(raw: unknown): Point | null {
  if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== "number") return null;
  // Timestamps are float seconds; rounding keeps millisecond timestamps exact.
  return [Math.round(raw[0] * 1000), parseSampleValue(raw[1])];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, val] of Object.entries(v)) if (typeof val === "string") out[k] = val;
  return out;
}

/** Turns the `data` of a successful response into series; null when the shape is not Prometheus'. */
export function parseQueryData(data: unknown): Series[] | null {
  if (!isRecord(data) || (!Array.isArray(data.result) && data.resultType !== "scalar")) return null;
  const { resultType, result } = data;
  if (resultType === "scalar") {
    const p = parsePoint(result);
    return p ? [{ labels: {}, points: [p] }] : null;
  }
  if (!Array.isArray(result) || (resultType !== "vector" && resultType !== "matrix")) return null;
  const series: Series[] = [];
  for (const item of result) {
    if (!isRecord(item)) return null;
    const labels = labelsOf(item.metric);
    if (resultType === "vector") {
      const p = parsePoint(item.value);
      if (!p) return null;
      series.push({ labels, points: [p] });
    } else if (resultType === "matrix") {
      if (!Array.isArray(item.values)) return null;
      const points: Point[] = [];
      for (const raw of item.values) {
        const p = parsePoint(raw);
        if (!p) return null;
        points.push(p);
      }
      series.push({ labels, points });
    } else return null;
  }
  return series;
}

const fail = (kind: PromErrorKind, message: string): QueryResult => ({ ok: false, error: { kind, message } });

function classifyThrown(e: unknown, url: string, timeoutMs: number): QueryResult {
  const name = e instanceof Error ? e.name : "";
  if (name === "TimeoutError")
    return fail("timeout", `Prometheus at ${url} did not answer within ${timeoutMs / 1000} s`);
  if (name === "AbortError") return fail("timeout", `the query to Prometheus at ${url} was cancelled`);
  // undici wraps the reason: "fetch failed" with cause ECONNREFUSED, ENOTFOUND, "bad port"…
  const cause = e instanceof Error && e.cause instanceof Error ? (e.cause as Error & { code?: unknown }) : undefined;
  if (cause?.code === REFUSED_CODE || cause?.code === REDIRECT_CODE)
    return fail("unreachable", `Prometheus at ${url}: ${cause.message}`);
  const code = typeof cause?.code === "string" ? cause.code : (cause?.message ?? errorMessage(e));
  return fail("unreachable", `Prometheus at ${url} is unreachable (${code})`);
}

/** Maps an HTTP answer to a result, following the API's documented status codes (400, 422, 503). */
function classifyResponse(status: number, contentType: string, text: string, url: string): QueryResult {
  if (status >= 300 && status < 400)
    return fail("unreachable", `Prometheus at ${url} ${new RedirectAnswer(status).message}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(
      "server_error",
      `${url} did not answer like the Prometheus API (HTTP ${status}, ${contentType || "no content type"}); check the Prometheus URL`,
    );
  }
  const rec = isRecord(body) ? body : {};
  const errorType = typeof rec.errorType === "string" ? rec.errorType : "";
  const error = promErrorText(rec);
  if (status === 200 && rec.status === "success") {
    const series = parseQueryData(rec.data);
    if (!series) return fail("server_error", `unexpected response shape from Prometheus at ${url}`);
    const warnings = Array.isArray(rec.warnings) ? rec.warnings.filter((w): w is string => typeof w === "string") : [];
    return warnings.length ? { ok: true, series, warnings } : { ok: true, series };
  }
  if (errorType === "timeout" || errorType === "canceled" || status === 503)
    return fail("timeout", `Prometheus gave up on the query: ${error || `HTTP ${status}`}`);
  if (status === 400 || status === 422 || errorType === "bad_data" || errorType === "execution")
    return fail("bad_query", `Prometheus refused the query: ${error || `HTTP ${status}`}`);
  return fail("server_error", `Prometheus at ${url} answered HTTP ${status}${error ? `: ${error}` : ""}`);
}

export function createPrometheusClient(options: PrometheusClientOptions): PrometheusClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? guardedFetch;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // On this machine compression saves no network, only costs CPU on both ends (a 24 h histogram answer is
  // ~600 KB: gzip doubled its time on a busy 2-core machine). Elsewhere fetch's default (gzip) stays.
  const encoding: Record<string, string> = isLoopbackUrl(baseUrl) ? { "accept-encoding": "identity" } : {};

  async function call(path: string, params: Record<string, string>, opts?: QueryOptions): Promise<QueryResult> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts?.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    // POST with a form body: long PromQL does not hit URL length limits; `timeout` lets Prometheus stop early too.
    const body = new URLSearchParams({ ...params, timeout: `${Math.max(1, Math.floor(timeoutMs / 1000))}s` });
    try {
      const res = await doFetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
          ...encoding,
          ...options.headers,
        },
        body,
        signal,
      });
      let text: string;
      try {
        text = await readCapped(res, maxBytes);
      } catch (e) {
        if (!(e instanceof TooLargeError)) throw e;
        const mib = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
        return fail(
          "server_error",
          `Prometheus at ${baseUrl} sent more than ${mib} MiB for one query; Tern stopped reading it (narrow the time range)`,
        );
      }
      return classifyResponse(res.status, res.headers.get("content-type") ?? "", text, baseUrl);
    } catch (e) {
      return classifyThrown(e, baseUrl, timeoutMs);
    }
  }

  return {
    baseUrl,
    query: (promql, time, opts) =>
      call("/api/v1/query", time === undefined ? { query: promql } : { query: promql, time: toSeconds(time) }, opts),
    queryRange: (promql, start, end, stepSeconds, opts) =>
      call(
        "/api/v1/query_range",
        { query: promql, start: toSeconds(start), end: toSeconds(end), step: String(stepSeconds) },
        opts,
      ),
  };
}
