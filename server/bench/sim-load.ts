// The simulated fleet with its load generator (`npm run sim` runs the same CLI) in a child
// process on shifted ports, so a bench can measure while the model servers and the load generator use the CPU.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface SimLoad {
  adminUrl: string;
  /** Requests the load generator has answered so far, all models together. */
  answered(): Promise<number>;
  stop(): Promise<void>;
}

const CLI = fileURLToPath(import.meta.resolve("@tern/sim/cli"));
const READY_TIMEOUT_MS = 120_000;

async function answeredAt(adminUrl: string): Promise<number> {
  const body = (await (await fetch(`${adminUrl}/load`)).json()) as {
    models?: Record<string, { success?: number; failure?: number }>;
  };
  return Object.values(body.models ?? {}).reduce((n, m) => n + (m.success ?? 0) + (m.failure ?? 0), 0);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGINT");
  });
}

async function startOnce(portOffset: number): Promise<SimLoad> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tern-bench-sim-"));
  const child = fork(CLI, ["--data-dir", dataDir, "--port-offset", String(portOffset)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const collect = (b: Buffer) => void (output = (output + b.toString()).slice(-4000));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const cleanup = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("the simulated fleet was not ready within 120 s")),
        READY_TIMEOUT_MS,
      );
      child.stdout?.on("data", () => {
        if (output.includes("load generator on")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the simulated fleet exited (code ${code}): ${output.slice(-600)}`));
      });
    });
    const manifest = JSON.parse(readFileSync(path.join(dataDir, "sim", "fleet.json"), "utf8")) as {
      admin: { url: string };
    };
    const adminUrl = manifest.admin.url;
    // The model servers load their models first: wait until the load generator's requests are answered.
    const end = Date.now() + READY_TIMEOUT_MS;
    while ((await answeredAt(adminUrl)) < 20) {
      if (Date.now() > end) throw new Error("the load generator had no answers within 120 s");
      await new Promise((r) => setTimeout(r, 500));
    }
    return { adminUrl, answered: () => answeredAt(adminUrl), stop: cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** Starts the fleet on a random port offset (the machine may run another fleet on the default ports). */
export async function startSimLoad(): Promise<SimLoad> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    // TERN_SIM_PORT_OFFSET allows up to 40,000; the fleet's ports span 16430..16546.
    const offset = 20_000 + 200 * Math.floor(Math.random() * 95);
    try {
      return await startOnce(offset);
    } catch (e) {
      last = e;
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}
