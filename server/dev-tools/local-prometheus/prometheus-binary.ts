// Finding the prometheus and promtool binaries for `npm start`: PROMETHEUS_BIN, then PATH, then (as root on
// Debian/Ubuntu) apt; otherwise a clear "not available" so the app runs without charts.
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { childEnv } from "../../env";

export const INSTALL_HINT =
  "install it with `sudo apt-get install -y --no-install-recommends prometheus` (Debian/Ubuntu) or download it from https://prometheus.io/download/ and set PROMETHEUS_BIN";

export interface PrometheusBinaries {
  prometheus: string;
  /** Needed only for backfill; history is skipped without it. */
  promtool: string | null;
}

export type BinaryResult = { ok: true; bins: PrometheusBinaries; installed: boolean } | { ok: false; reason: string };

export interface BinaryEnvironment {
  env: Record<string, string | undefined>;
  isRoot: boolean;
  isExecutable: (file: string) => boolean;
}

export function defaultEnvironment(): BinaryEnvironment {
  return {
    env: childEnv(),
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    isExecutable: (f) => {
      try {
        accessSync(f, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** First executable `name` on PATH. */
export function which(name: string, e: BinaryEnvironment): string | null {
  for (const dir of (e.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const f = path.join(dir, name);
    if (e.isExecutable(f)) return f;
  }
  return null;
}

/** What to do, without doing it: use found binaries, install with apt, or give up with a reason. */
export function planPrometheus(
  e: BinaryEnvironment,
): { action: "use"; bins: PrometheusBinaries } | { action: "install" } | { action: "unavailable"; reason: string } {
  const explicit = e.env.PROMETHEUS_BIN;
  if (explicit) {
    if (!e.isExecutable(explicit))
      return { action: "unavailable", reason: `PROMETHEUS_BIN=${explicit} is not an executable file` };
    const sibling = path.join(path.dirname(explicit), "promtool");
    return {
      action: "use",
      bins: { prometheus: explicit, promtool: e.isExecutable(sibling) ? sibling : which("promtool", e) },
    };
  }
  const found = which("prometheus", e);
  if (found) return { action: "use", bins: { prometheus: found, promtool: which("promtool", e) } };
  if (e.isRoot && which("apt-get", e)) return { action: "install" };
  return { action: "unavailable", reason: `Prometheus is not installed, so charts are off; ${INSTALL_HINT}` };
}

function run(cmd: string, args: string[], log: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: childEnv({ DEBIAN_FRONTEND: "noninteractive" }),
    });
    const forward = (chunk: Buffer) =>
      chunk
        .toString()
        .split("\n")
        .filter(Boolean)
        .forEach((l) => log(l));
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", () => resolve(-1));
    child.on("exit", (code) => resolve(code ?? -1));
  });
}

/** Finds Prometheus, installing it with apt when that is possible (~20 s, once). */
export async function ensurePrometheus(opts: {
  log: (line: string) => void;
  environment?: BinaryEnvironment;
}): Promise<BinaryResult> {
  const e = opts.environment ?? defaultEnvironment();
  const plan = planPrometheus(e);
  if (plan.action === "use") return { ok: true, bins: plan.bins, installed: false };
  if (plan.action === "unavailable") return { ok: false, reason: plan.reason };
  if (!existsSync("/etc/debian_version"))
    return { ok: false, reason: `Prometheus is not installed and this is not Debian/Ubuntu; ${INSTALL_HINT}` };
  opts.log("Prometheus not found: installing it with apt-get (about 20 s, once)…");
  const install = () => run("apt-get", ["install", "-y", "--no-install-recommends", "prometheus"], opts.log);
  // A fresh machine may have no package lists yet; update once and retry.
  if ((await install()) !== 0 && ((await run("apt-get", ["update"], opts.log)) !== 0 || (await install()) !== 0)) {
    return { ok: false, reason: `apt-get could not install Prometheus; ${INSTALL_HINT}` };
  }
  const after = planPrometheus(e);
  return after.action === "use"
    ? { ok: true, bins: after.bins, installed: true }
    : { ok: false, reason: `Prometheus was installed but is not on PATH; ${INSTALL_HINT}` };
}
