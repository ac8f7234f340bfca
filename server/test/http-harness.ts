// Drives Tern's real route handlers (better-auth behind Tern's auth handler, tRPC over HTTP) on a fresh
// database, the way a browser or an attacker would: requests with cookies, origins and forwarded headers.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, type TestDb } from "./test-db";
import { PEER_HEADER, peerStamp } from "../auth/client-address";

export const ORIGIN = "http://localhost:3000";

/** A fresh database that the route handlers' getPrisma() answers with; call before anything reads env(). */
export async function startHarness(envOverrides: Record<string, string> = {}): Promise<TestDb> {
  Object.assign(process.env, {
    TERN_AUTH_SECRET: "security-test-secret-0123456789abcdef",
    TERN_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "tern-security-")),
    ...envOverrides,
  });
  const db = await createTestDb();
  (globalThis as Record<symbol, unknown>)[Symbol.for("tern.prisma")] = db;
  return db;
}

export interface From {
  /** The socket address the server stamps (the TCP peer). */
  peer?: string;
  xff?: string;
  cookie?: string;
}

function headersFor(from: From, extra: Record<string, string> = {}): Headers {
  const h = new Headers({ origin: ORIGIN, host: "localhost:3000", ...extra });
  h.set(PEER_HEADER, peerStamp(from.peer ?? "127.0.0.1"));
  if (from.xff) h.set("x-forwarded-for", from.xff);
  if (from.cookie) h.set("cookie", from.cookie);
  return h;
}

export async function authPost(pathname: string, body: unknown, from: From = {}): Promise<Response> {
  const { POST } = await import("../../app/api/auth/[...all]/route");
  return POST(
    new Request(`${ORIGIN}/api/auth${pathname}`, {
      method: "POST",
      headers: headersFor(from, { "content-type": "application/json" }),
      body: JSON.stringify(body),
    }),
  );
}

/** The session cookie a response set, as a Cookie header value. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (!set) throw new Error(`no session cookie in the response (status ${res.status})`);
  return set.split(";")[0]!;
}

export async function signUp(email: string, password: string, from: From = {}): Promise<string> {
  const res = await authPost("/sign-up/email", { email, password, name: email.split("@")[0] }, from);
  if (!res.ok) throw new Error(`sign-up of ${email} failed: ${res.status} ${await res.text()}`);
  return sessionCookie(res);
}

export async function signIn(email: string, password: string, from: From = {}): Promise<Response> {
  return authPost("/sign-in/email", { email, password }, from);
}

/** One tRPC call over HTTP (superjson); returns the HTTP status and the decoded body. */
export async function trpcHttp(
  procedure: string,
  input: unknown,
  opts: From & { mutation?: boolean; extraHeaders?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const { GET, POST } = await import("../../app/api/trpc/[trpc]/route");
  const payload = JSON.stringify({ json: input });
  const req = opts.mutation
    ? new Request(`${ORIGIN}/api/trpc/${procedure}`, {
        method: "POST",
        headers: headersFor(opts, { "content-type": "application/json", ...opts.extraHeaders }),
        body: payload,
      })
    : new Request(`${ORIGIN}/api/trpc/${procedure}?input=${encodeURIComponent(payload)}`, {
        headers: headersFor(opts, opts.extraHeaders),
      });
  const res = await (opts.mutation ? POST : GET)(req);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, text };
}
