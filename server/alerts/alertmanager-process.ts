// A local Alertmanager for `npm start` (Debian's prometheus-alertmanager, from PATH): config and data under
// <dataDir>/alertmanager/, bound to 127.0.0.1 with clustering off, stopped with Tern.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderAlertmanagerConfig } from "./alertmanager-config";

export interface LocalAlertmanager {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const CANDIDATES = ["prometheus-alertmanager", "alertmanager"];

/** The binary given (ALERTMANAGER_BIN), else the first candidate on PATH, or null. */
export function findAlertmanager(explicit?: string): string | null {
  for (const bin of explicit ? [explicit] : CANDIDATES) {
    const r = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 10_000 });
    if (r.status === 0) return bin;
  }
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url: string, child: ChildProcess, timeoutMs: number, tail: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Alertmanager exited with code ${child.exitCode}: ${tail()}`);
    try {
      if ((await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`Alertmanager did not become ready within ${timeoutMs / 1000} s: ${tail()}`);
}

export async function startAlertmanager(o: {
  bin: string;
  dataDir: string;
  port: number;
  webhookUrl: string;
  token: string;
  groupWaitSeconds?: number;
  groupIntervalSeconds?: number;
  readyTimeoutMs?: number;
}): Promise<LocalAlertmanager> {
  const root = path.join(o.dataDir, "alertmanager");
  const config = path.join(root, "alertmanager.yml");
  mkdirSync(path.join(root, "data"), { recursive: true });
  writeFileSync(config, renderAlertmanagerConfig(o), { mode: 0o600 });
  const url = `http://127.0.0.1:${o.port}`;
  const logStream = createWriteStream(path.join(root, "alertmanager.log"), { flags: "a" });
  let tail = "";
  const child = spawn(
    o.bin,
    [
      `--config.file=${config}`,
      `--storage.path=${path.join(root, "data")}`,
      `--web.listen-address=127.0.0.1:${o.port}`,
      // Empty: no gossip port on every interface (one local Alertmanager needs no peers).
      "--cluster.listen-address=",
      "--log.level=warn",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const capture = (chunk: Buffer) => {
    logStream.write(chunk);
    tail = (tail + chunk.toString()).slice(-800);
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  const spawnError = new Promise<never>((_, reject) =>
    child.once("error", (e) => reject(new Error(`cannot run ${o.bin}: ${e.message}`))),
  );
  spawnError.catch(() => {});
  try {
    await Promise.race([waitReady(url, child, o.readyTimeoutMs ?? 15_000, () => tail.trim()), spawnError]);
  } catch (e) {
    child.kill("SIGKILL");
    process.removeListener("exit", killOnExit);
    logStream.end();
    throw e;
  }
  return {
    url,
    pid: child.pid ?? -1,
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once("exit", () => r()));
        child.kill("SIGTERM");
        if ((await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) === false)
          child.kill("SIGKILL");
        await exited;
      }
      logStream.end();
    },
  };
}
