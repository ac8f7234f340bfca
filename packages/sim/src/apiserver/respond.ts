// Reading request bodies and writing JSON responses (always with a Content-Type and a body: clients depend on both).
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseYaml } from "yaml";
import { HttpError, statusFromError, type Status } from "./status-errors";

const MAX_BODY = 3 * 1024 * 1024; // kube-apiserver's default request size limit

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(code, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache, private",
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, status: Status): void {
  sendJson(res, status.code, status);
}

export function sendError(res: ServerResponse, err: unknown): void {
  sendStatus(res, statusFromError(err));
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "X-Content-Type-Options": "nosniff",
  });
  res.end(text);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError("RequestEntityTooLarge", "Request entity too large: limit is 3145728");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` → `application/json`. */
export const mediaType = (header: string | undefined): string => (header ?? "").split(";")[0]!.trim().toLowerCase();

/** Parses a JSON or YAML body into a value; protobuf bodies (as `kubectl create deployment` sends) are refused. */
export function parseBody(text: string, contentType: string): unknown {
  const type = mediaType(contentType);
  if (type.includes("protobuf")) {
    throw new HttpError(
      "UnsupportedMediaType",
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    );
  }
  if (text.trim() === "") throw new HttpError("BadRequest", "the body of the request was empty");
  try {
    return type.includes("yaml") ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (e) {
    throw new HttpError(
      "BadRequest",
      `the object provided is unrecognized: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
