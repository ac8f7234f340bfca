// Starts the simulated clouds as a child process and waits until its fleet manifest says it is up.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { childEnv } from "../env.ts";

/** The simulator's command line, found through its package (a dev dependency: production runs no simulator). */
const SIM_CLI = fileURLToPath(import.meta.resolve("@tern/sim/cli"));

export async function startSim(opts: {
  root: string;
  dataDir: string;
  log: (m: string) => void;
  timeoutMs?: number;
}): Promise<ChildProcess> {
  const manifest = path.join(opts.dataDir, "sim", "fleet.json");
  await rm(manifest, { force: true });
  const child = spawn(process.execPath, ["--import", "tsx", SIM_CLI, "--data-dir", opts.dataDir, "--no-workloads"], {
    cwd: opts.root,
    stdio: ["ignore", "inherit", "inherit"],
    env: childEnv(),
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the simulated clouds exited (code ${child.exitCode}); see the [sim] lines above`);
    const text = await readFile(manifest, "utf8").catch(() => null);
    if (text && (JSON.parse(text) as { pid?: number }).pid === child.pid) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error("the simulated clouds did not start within 90 s");
}
