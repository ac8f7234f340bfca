// A local Alertmanager for `npm start` (Debian's prometheus-alertmanager, from PATH): config and data under
// <dataDir>/alertmanager/, bound to 127.0.0.1 with clustering off, stopped with Tern.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runLocalProcess } from "../run-local-process";
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
  const running = await runLocalProcess({
    name: "Alertmanager",
    bin: o.bin,
    args: [
      `--config.file=${config}`,
      `--storage.path=${path.join(root, "data")}`,
      `--web.listen-address=127.0.0.1:${o.port}`,
      // Empty: no gossip port on every interface (one local Alertmanager needs no peers).
      "--cluster.listen-address=",
      "--log.level=warn",
    ],
    logFile: path.join(root, "alertmanager.log"),
    url,
    readyTimeoutMs: o.readyTimeoutMs ?? 15_000,
  });
  return { url, pid: running.pid, stop: () => running.stop() };
}
