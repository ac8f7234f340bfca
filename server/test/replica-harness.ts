// Starts Tern replicas as separate processes (replica-process.ts) on one PostgreSQL database and talks to
// them over HTTP as a load balancer would: sign-in, tRPC calls and /api/live streams. Tests and the bench.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { freePort } from "./fleet-harness";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The address every replica believes it is served at (behind one load balancer). */
export const PUBLIC_URL = "http://localhost:3999";

export interface Replica {
  name: string;
  url: string;
  pid: number;
  /** Every line the process wrote (stdout and stderr). */
  output: string[];
  kill(signal?: NodeJS.Signals): void;
  exited: Promise<void>;
}

export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/test/replica-process.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", TERN_PUBLIC_URL: PUBLIC_URL, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        output.push(line);
        if (line.startsWith("ready ")) resolve();
      }
    };
    child.stdout!.on("data", onLine);
    child.stderr!.on("data", onLine);
    void exited.then(() =>
      reject(new Error(`replica ${name} exited before it was ready:\n${output.slice(-20).join("\n")}`)),
    );
    setTimeout(
      () => reject(new Error(`replica ${name} was not ready within 90 s:\n${output.slice(-20).join("\n")}`)),
      90_000,
    ).unref();
  });
  await ready;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output,
    kill: (signal = "SIGTERM") => void child.kill(signal),
    exited,
  };
}

export interface From {
  cookie?: string;
  /** The client address, as the trusted proxy (127.0.0.1) forwards it. */
  xff?: string;
}

function headersFor(from: From, extra: Record<string, string> = {}): Record<string, string> {
  return {
    origin: PUBLIC_URL,
    ...(from.cookie ? { cookie: from.cookie } : {}),
    ...(from.xff ? { "x-forwarded-for": from.xff } : {}),
    ...extra,
  };
}

export async function authPost(replica: Replica, pathname: string, body: unknown, from: From = {}): Promise<Response> {
  return fetch(`${replica.url}/api/auth${pathname}`, {
    method: "POST",
    headers: headersFor(from, { "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
}

export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (!set) throw new Error(`no session cookie in the response (status ${res.status})`);
  return set.split(";")[0]!;
}

export async function trpcMutation(
  replica: Replica,
  procedure: string,
  input: unknown,
  from: From,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${replica.url}/api/trpc/${procedure}`, {
    method: "POST",
    headers: headersFor(from, { "content-type": "application/json" }),
    body: JSON.stringify({ json: input }),
  });
  return { status: res.status, text: await res.text() };
}

export async function trpcQuery(
  replica: Replica,
  procedure: string,
  input: unknown,
  from: From,
): Promise<{ status: number; text: string }> {
  const q = encodeURIComponent(JSON.stringify({ json: input }));
  const res = await fetch(`${replica.url}/api/trpc/${procedure}?input=${q}`, { headers: headersFor(from) });
  return { status: res.status, text: await res.text() };
}

export interface LiveEvent {
  event: string;
  data: { id: string; reason?: string };
  at: number;
}

/** Opens /api/live as a browser's EventSource would; resolves once the stream answered 200. */
export function openLive(replica: Replica, from: From, onEvent: (e: LiveEvent) => void): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${replica.url}/api/live`, { headers: headersFor(from) }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`/api/live answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end).split("\n");
          buffer = buffer.slice(end + 2);
          const event = block.find((l) => l.startsWith("event: "))?.slice(7);
          const data = block.find((l) => l.startsWith("data: "))?.slice(6);
          if (event && data) onEvent({ event, data: JSON.parse(data) as LiveEvent["data"], at: performance.now() });
        }
      });
      resolve({ close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}
