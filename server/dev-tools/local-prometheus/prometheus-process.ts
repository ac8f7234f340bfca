// A local Prometheus for `npm start`: config, rule files and data under <dataDir>/prometheus/, bound to 127.0.0.1,
// history backfilled on first start (recording rules too), reloaded when targets change, stopped with Tern.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { runLocalProcess, type LocalProcess } from "../run-local-process";
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
  /**
   * Rule files by file name (recording or alerting rules, YAML), written under <dataDir>/prometheus/rules/ and
   * listed in the config's rule_files. After a backfill, recording rules are backfilled over the same history.
   */
  rules?: Record<string, string>;
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
  const ruleFiles = writeRules(o.rules ?? {}, p.rules);
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
  let running = await runPrometheus(o, p, url);
  if (backfilled && ruleFiles.length && o.bins.promtool) {
    // Recording rules only see samples as they arrive: compute them over the backfilled history too, then restart
    // so the new blocks are read (a running Prometheus would pick them up only at its next block reload).
    const blocks = backfillRules(o, p, url, ruleFiles);
    if (blocks) {
      await running.stop();
      for (const b of readdirSync(blocks)) renameSync(path.join(blocks, b), path.join(p.tsdb, b));
      rmSync(blocks, { recursive: true, force: true });
      running = await runPrometheus(o, p, url);
    }
  }
  log(`Prometheus ready on ${url} (data in ${p.root}${backfilled ? ", history backfilled" : ""})`);

  return {
    url,
    get pid() {
      return running.pid;
    },
    fresh,
    backfilled,
    async reload(targets, ternUrl = o.ternUrl) {
      write(targets, ternUrl);
      const res = await fetch(`${url}/-/reload`, { method: "POST", signal: AbortSignal.timeout(5000) });
      if (!res.ok)
        throw new PrometheusStartError(`Prometheus refused the new configuration: ${(await res.text()).trim()}`);
    },
    stop: () => running.stop(),
  };
}

/** Writes the rule files and returns their paths for the config; files no longer asked for are removed. */
// Only the given files are (re)written: the folder also holds rule files others keep current (Tern's SLO alerts).
function writeRules(rules: Record<string, string>, dir: string): string[] {
  const names = Object.keys(rules).sort();
  mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    if (!/^[a-z0-9][a-z0-9._-]*\.ya?ml$/.test(name)) throw new PrometheusStartError(`bad rule file name '${name}'`);
    const file = path.join(dir, name);
    writeFileSync(file, rules[name]!);
    return file;
  });
}

/**
 * `promtool tsdb create-blocks-from rules` over the backfilled history (from its first whole minute, so recorded
 * samples fall on chart steps), into a folder beside the database; null when it fails (charts then compute the
 * history from the raw series).
 */
function backfillRules(
  o: StartPrometheusOptions,
  p: ReturnType<typeof prometheusPaths>,
  url: string,
  ruleFiles: string[],
): string | null {
  const log = o.log ?? (() => {});
  const out = mkdtempSync(path.join(p.root, "rule-blocks-"));
  const first = firstBackfillSeconds(p.backfill);
  const end = Math.floor(Date.now() / 1000);
  if (first === null || first >= end) return null;
  const start = Math.ceil(first / 60) * 60;
  const r = spawnSync(
    o.bins.promtool!,
    [
      "tsdb",
      "create-blocks-from",
      "rules",
      "--quiet",
      `--url=${url}`,
      `--start=${start}`,
      `--end=${end}`,
      `--output-dir=${out}`,
      ...ruleFiles,
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  if (r.status !== 0) {
    log(
      `recording-rule backfill failed (charts compute history from raw series): ${(r.stderr || r.stdout || String(r.error)).trim().slice(0, 500)}`,
    );
    rmSync(out, { recursive: true, force: true });
    return null;
  }
  return out;
}

/** The first sample's time (seconds) in an OpenMetrics backfill file, or null. */
function firstBackfillSeconds(file: string): number | null {
  let min = Infinity;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const t = Number(line.slice(line.lastIndexOf(" ") + 1));
    if (t < min) min = t;
  }
  return Number.isFinite(min) ? min : null;
}

function runPrometheus(
  o: StartPrometheusOptions,
  p: ReturnType<typeof prometheusPaths>,
  url: string,
): Promise<LocalProcess> {
  return runLocalProcess({
    name: "Prometheus",
    bin: o.bins.prometheus,
    args: [
      `--config.file=${p.config}`,
      `--storage.tsdb.path=${p.tsdb}`,
      // Charts reach back at most 30 days; a day more keeps the oldest chart full.
      "--storage.tsdb.retention.time=31d",
      `--web.listen-address=127.0.0.1:${o.port}`,
      "--web.enable-lifecycle",
      "--log.level=warn",
    ],
    logFile: p.log,
    url,
    readyTimeoutMs: o.readyTimeoutMs ?? 15_000,
    startError: (m) => new PrometheusStartError(m),
  });
}
