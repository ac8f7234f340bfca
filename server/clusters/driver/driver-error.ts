// The driver's one error type and the mapping from client, network and API Status failures to clear messages.
import type { ConnectionErrorKind } from "./types";
import { parseStatus, type ApiStatus } from "./parse-status";
import { REDIRECT_CODE } from "../../net/guarded-dispatcher";
import { REFUSED_CODE } from "../../net/refused-address";

export type DriverErrorKind = ConnectionErrorKind | "not_found" | "conflict" | "invalid" | "gone" | "server_error";

export interface DriverErrorData {
  kind: DriverErrorKind;
  /** HTTP status when the API answered. */
  status?: number;
  /** The Status reason (NotFound, AlreadyExists, Conflict, Invalid, Expired, …). */
  reason?: string;
  message: string;
}

export class DriverError extends Error implements DriverErrorData {
  readonly kind: DriverErrorKind;
  readonly status?: number;
  readonly reason?: string;

  constructor(data: DriverErrorData) {
    super(data.message);
    this.name = "DriverError";
    this.kind = data.kind;
    if (data.status !== undefined) this.status = data.status;
    if (data.reason !== undefined) this.reason = data.reason;
  }

  toJSON(): DriverErrorData {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.reason !== undefined ? { reason: this.reason } : {}),
    };
  }
}

/** What the failed call was about, so messages can name it. */
export interface ErrorContext {
  apiServer: string;
  timeoutMs?: number;
  /** Singular resource, e.g. "deployment". */
  resource?: string;
  name?: string;
  namespace?: string;
  /** RBAC verb for 403 messages, e.g. "create", "list", "watch". */
  verb?: string;
}

const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO$|HOSTNAME_MISMATCH)/;
const TIMEOUT_CODE = /^(UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ETIMEDOUT)$/;

function errorChain(err: unknown): { name?: string; code?: string; message?: string }[] {
  const chain: { name?: string; code?: string; message?: string }[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur !== null && typeof cur === "object"; i++) {
    const rec = cur as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    chain.push({
      ...(typeof rec.name === "string" ? { name: rec.name } : {}),
      ...(typeof rec.code === "string" ? { code: rec.code } : {}),
      ...(typeof rec.message === "string" ? { message: rec.message } : {}),
    });
    cur = rec.cause;
  }
  return chain;
}

/** HTTP status of an ApiException (`code`) or of a watch's non-200 answer (`statusCode`). */
function httpStatus(err: unknown): { status: number; body: unknown } | undefined {
  if (err === null || typeof err !== "object") return undefined;
  const rec = err as { code?: unknown; statusCode?: unknown; body?: unknown };
  // DOMExceptions have a numeric `code` too (23 for TimeoutError); only an ApiException also has a body.
  if (typeof rec.code === "number" && "body" in rec && rec.code >= 100 && rec.code < 600)
    return { status: rec.code, body: rec.body };
  if (typeof rec.statusCode === "number") return { status: rec.statusCode, body: undefined };
  return undefined;
}

/** Status details name a resource plural ("deployments") for most errors and a Kind ("Deployment") for Invalid. */
function singular(kindOrPlural: string): string {
  return /^[A-Z]/.test(kindOrPlural) ? kindOrPlural.toLowerCase() : kindOrPlural.replace(/s$/, "");
}

function subject(ctx: ErrorContext, status: ApiStatus | undefined): { what: string; where: string } {
  // A plural in the Status names the object that was missing, which may be the namespace rather than the deployment;
  // a Kind (Invalid) may be a subresource's ("Scale"), so the call's own resource reads better there.
  const detailKind = status?.details?.kind;
  const kind = detailKind && (!/^[A-Z]/.test(detailKind) || !ctx.resource) ? singular(detailKind) : ctx.resource;
  const name = status?.details?.name ?? ctx.name;
  const what = kind ? (name ? `${kind} ${name}` : kind) : "the object";
  const where = ctx.namespace && kind !== "namespace" ? ` in namespace ${ctx.namespace}` : "";
  return { what, where };
}

function conflictMessage(what: string, where: string, status: ApiStatus | undefined): string {
  if (status?.reason === "AlreadyExists") return `${what} already exists${where}`;
  const managers = [
    ...new Set(
      (status?.causes ?? []).map((c) => /conflict with "([^"]+)"/.exec(c.message)?.[1]).filter((m): m is string => !!m),
    ),
  ];
  const fields = (status?.causes ?? []).map((c) => c.field).filter((f): f is string => !!f);
  if (managers.length > 0) {
    const owned = fields.length > 0 ? ` (${fields.join(", ")})` : "";
    return `${what}${where} has fields${owned} owned by field manager ${managers.map((m) => `"${m}"`).join(", ")}; Tern (field manager "tern") did not overwrite them — retry with force or remove that manager's changes`;
  }
  return `${what}${where} was changed by someone else while Tern was updating it; retry`;
}

function fromHttp(status: number, body: unknown, ctx: ErrorContext): DriverError {
  const st = parseStatus(body);
  const { what, where } = subject(ctx, st);
  const base = { status, ...(st?.reason ? { reason: st.reason } : {}) };
  // Causes are the API's structured validation results (field + rule), the one part of a body worth showing.
  const causes = (st?.causes ?? []).map((c) => {
    // Drop the echoed value ("Invalid value: -1: …"): the rule is what to fix, and values may hold URLs with tokens.
    const rule = c.message.replace(/^Invalid value: (?:"(?:[^"\\]|\\.)*"|[^":]*): /, "");
    return c.field ? `${c.field}: ${rule}` : rule;
  });
  switch (status) {
    case 401:
      return new DriverError({
        ...base,
        kind: "unauthorized",
        message:
          "the cluster refused Tern's credentials (401 Unauthorized): the token or client certificate is invalid or expired; import a fresh kubeconfig for this cluster",
      });
    case 403: {
      const action =
        ctx.verb && ctx.resource
          ? ` to ${ctx.verb} ${ctx.resource}s${ctx.namespace ? ` in namespace ${ctx.namespace}` : ""}`
          : "";
      return new DriverError({
        ...base,
        kind: "forbidden",
        message: `the cluster refused Tern's credentials${action} (403 Forbidden); grant Tern's user that permission with RBAC`,
      });
    }
    case 404:
      return new DriverError({ ...base, kind: "not_found", message: `${what} not found${where}` });
    case 409:
      return new DriverError({ ...base, kind: "conflict", message: conflictMessage(what, where, st) });
    case 410:
      return new DriverError({
        ...base,
        kind: "gone",
        message: "the cluster no longer has the requested history (410 Gone); list again",
      });
    case 422:
      return new DriverError({
        ...base,
        kind: "invalid",
        message:
          causes.length > 0
            ? `${what}${where} is invalid: ${causes.join("; ")}`
            : `${what}${where} is invalid (the cluster named no fields)`,
      });
  }
  if (status === 400) {
    return new DriverError({
      ...base,
      kind: "invalid",
      message: `the cluster rejected the request to ${ctx.verb ?? "call"} ${what}${where} as malformed (400 Bad Request)`,
    });
  }
  if (status >= 200 && status < 300) {
    // The client throws on 2xx it cannot decode (no Content-Type, empty body).
    return new DriverError({
      ...base,
      kind: "unknown",
      message: `cluster API at ${ctx.apiServer} sent a response Tern could not read (HTTP ${status})`,
    });
  }
  // 5xx and other codes: the reason only, since a server error's text may carry anything.
  const reason = st?.reason ? ` (${st.reason})` : "";
  return new DriverError({
    ...base,
    kind: status >= 500 || status === 429 ? "server_error" : "unknown",
    message: `cluster API at ${ctx.apiServer} answered HTTP ${status}${reason}; try again later`,
  });
}

/** Maps anything the client throws to a DriverError; never copies raw bodies, headers or credentials. */
export function toDriverError(err: unknown, ctx: ErrorContext): DriverError {
  if (err instanceof DriverError) return err;
  const http = httpStatus(err);
  if (http) return fromHttp(http.status, http.body, ctx);
  const chain = errorChain(err);
  // Tern's own SSRF guards (server/net): their messages name only the address and the rule, never a remote body.
  const guard = chain.find((e) => e.code === REFUSED_CODE || e.code === REDIRECT_CODE);
  if (guard) {
    return new DriverError({
      kind: "unreachable",
      message: `cluster API at ${ctx.apiServer}: ${guard.message ?? "refused by Tern"}`,
    });
  }
  const timeout = chain.some((e) => e.name === "TimeoutError" || (e.code !== undefined && TIMEOUT_CODE.test(e.code)));
  if (timeout) {
    const within = ctx.timeoutMs ? ` within ${ctx.timeoutMs / 1000} s` : " in time";
    return new DriverError({ kind: "timeout", message: `cluster API at ${ctx.apiServer} did not answer${within}` });
  }
  const tls = chain.find((e) => e.code !== undefined && TLS_CODE.test(e.code));
  if (tls) {
    return new DriverError({
      kind: "tls",
      message: `could not verify the TLS connection to the cluster API at ${ctx.apiServer} (${tls.code}); check the kubeconfig's certificate-authority-data and the server address`,
    });
  }
  const net = chain.find((e) => e.code !== undefined);
  if (chain.some((e) => e.message === "fetch failed") || net) {
    const code = net?.code ? ` (${net.code})` : "";
    return new DriverError({ kind: "unreachable", message: `cluster API at ${ctx.apiServer} is unreachable${code}` });
  }
  if (chain[0]?.name === "AbortError") {
    return new DriverError({ kind: "unknown", message: `the call to cluster API at ${ctx.apiServer} was cancelled` });
  }
  return new DriverError({
    kind: "unknown",
    message: `the call to cluster API at ${ctx.apiServer} failed unexpectedly`,
  });
}
