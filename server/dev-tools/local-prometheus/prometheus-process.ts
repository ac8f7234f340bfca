// A local Prometheus for `npm start`: config and data under <dataDir>/prometheus/, bound to 127.0.0.1,
// history backfilled on first start, reloaded when targets change, stopped with Tern.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrometheusBinaries } from "./prometheus-binary";
import { renderPrometheusConfig, type ScrapeTarget } from "./prometheus-config";

export interface StartPrometheusOptions {
  bins: PrometheusBinaries;
  dataDir: string;
  port: number;
  targets: ScrapeTarget[];
  ternUrl?: string;
  /** Bearer token for Tern's /metrics. */
  ternToken?: string;
  glbUrl?: string;
  scrapeIntervalSeconds?: number;
  clusterScrapeSeconds?: number;
  /** host:port of the local Alertmanager; rule files are then loaded from `rules/` (see prometheusPaths). */
  alertmanager?: string;
  /** OpenMetrics history written into an empty database before the first start (see backfill.ts). */
  backfill?: () => string;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface LocalPrometheus {
  url: string;
  pid: number;
  /** True when this start created the database (and backfilled it if asked). */
  fresh: boolean;
  backfilled: boolean;
  reload(targets: ScrapeTarget[], ternUrl?: string): Promise<void>;
  stop(): Promise<void>;
}

export class PrometheusStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrometheusStartError";
  }
}

export const prometheusPaths = (dataDir: string) => {
  const root = path.join(dataDir, "prometheus");
  return {
    root,
    config: path.join(root, "prometheus.yml"),
    tsdb: path.join(root, "data"),
    log: path.join(root, "prometheus.log"),
    backfill: path.join(root, "backfill.om"),
    rules: path.join(root, "rules"),
  };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url: string, child: ChildProcess, timeoutMs: number, logTail: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new PrometheusStartError(`Prometheus exited with code ${child.exitCode} while starting: ${logTail()}`);
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new PrometheusStartError(`Prometheus did not become ready within ${timeoutMs / 1000} s: ${logTail()}`);
}

function writeBackfill(o: StartPrometheusOptions, p: ReturnType<typeof prometheusPaths>): boolean {
  const log = o.log ?? (() => {});
  if (!o.backfill) return false;
  if (!o.bins.promtool) {
    log("promtool not found: starting Prometheus without history");
    return false;
  }
  writeFileSync(p.backfill, o.backfill());
  // Blocks must exist before Prometheus opens the database; promtool refuses samples it cannot place.
  const r = spawnSync(o.bins.promtool, ["tsdb", "create-blocks-from", "openmetrics", p.backfill, p.tsdb], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) {
    log(`backfill failed (charts start empty): ${(r.stderr || r.stdout || String(r.error)).trim().slice(0, 500)}`);
    return false;
  }
  return true;
}

export async function startPrometheus(o: StartPrometheusOptions): Promise<LocalPrometheus> {
  const p = prometheusPaths(o.dataDir);
  const log = o.log ?? (() => {});
  const fresh = !existsSync(p.tsdb) || readdirSync(p.tsdb).length === 0;
  mkdirSync(p.tsdb, { recursive: true });
  mkdirSync(p.rules, { recursive: true });
  const write = (targets: ScrapeTarget[], ternUrl?: string) =>
    writeFileSync(
      p.config,
      renderPrometheusConfig({
        targets,
        ternUrl,
        ternToken: o.ternToken,
        glbUrl: o.glbUrl,
        scrapeIntervalSeconds: o.scrapeIntervalSeconds,
        clusterScrapeSeconds: o.clusterScrapeSeconds,
        ruleFiles: [path.join(p.rules, "*.yml")],
        ...(o.alertmanager ? { alertmanager: o.alertmanager } : {}),
      }),
    );
  write(o.targets, o.ternUrl);
  const backfilled = fresh ? writeBackfill(o, p) : false;

  const url = `http://127.0.0.1:${o.port}`;
  const logStream = createWriteStream(p.log, { flags: "a" });
  let tail = "";
  const child = spawn(
    o.bins.prometheus,
    [
      `--config.file=${p.config}`,
      `--storage.tsdb.path=${p.tsdb}`,
      // Charts reach back at most 30 days; a day more keeps the oldest chart full.
      "--storage.tsdb.retention.time=31d",
      `--web.listen-address=127.0.0.1:${o.port}`,
      "--web.enable-lifecycle",
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
  const spawnError = new Promise<never>((_, reject) =>
    child.once("error", (e) => reject(new PrometheusStartError(`cannot run ${o.bins.prometheus}: ${e.message}`))),
  );
  spawnError.catch(() => {}); // observed through the race below; later errors surface as an exit
  // If Tern exits without calling stop(), do not leave an orphan holding the port and the database lock.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);

  try {
    await Promise.race([waitReady(url, child, o.readyTimeoutMs ?? 15_000, () => tail.trim()), spawnError]);
  } catch (e) {
    child.kill("SIGKILL");
    process.removeListener("exit", killOnExit);
    logStream.end();
    throw e;
  }
  log(`Prometheus ready on ${url} (data in ${p.root}${backfilled ? ", history backfilled" : ""})`);

  return {
    url,
    pid: child.pid ?? -1,
    fresh,
    backfilled,
    async reload(targets, ternUrl = o.ternUrl) {
      write(targets, ternUrl);
      const res = await fetch(`${url}/-/reload`, { method: "POST", signal: AbortSignal.timeout(5000) });
      if (!res.ok)
        throw new PrometheusStartError(`Prometheus refused the new configuration: ${(await res.text()).trim()}`);
    },
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once("exit", () => r()));
        child.kill("SIGTERM");
        // Prometheus flushes its head on SIGTERM; give it a moment, then insist.
        if ((await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) === false)
          child.kill("SIGKILL");
        await exited;
      }
      logStream.end();
    },
  };
}
