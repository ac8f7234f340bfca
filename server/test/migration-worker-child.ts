// Starts Tern's migration worker in a child process (migration-worker-process.ts) that a test can kill -9 like a
// crashed app. `bootMigrationWorker()` starts the process and waits until its code is loaded (seconds on a busy
// machine) without touching the database; `start(config)` then runs the worker in it — a fresh replica that is
// already pulled, so a test's restart costs the lease takeover only. `kill()` sends SIGKILL; `stop()` stops cleanly.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface MigrationWorkerProcessConfig {
  databaseUrl: string;
  adminUrl: string;
  glbUrl: string;
  prometheus: { defaultUrl: string; scrapeSeconds: number };
  /** The worker's lease holder name (one per process, as the app's default is). */
  holder: string;
  tickMs: number;
  leaseTtlMs: number;
  copyLeaseTtlMs: number;
}

export const WORKER_BOOTED = "migration-worker-booted";
export const WORKER_READY = "migration-worker-ready";

export interface MigrationWorkerChild {
  pid: number;
  holder: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface BootedMigrationWorker {
  pid: number;
  start(config: MigrationWorkerProcessConfig): Promise<MigrationWorkerChild>;
  kill(): Promise<void>;
}

export async function bootMigrationWorker(): Promise<BootedMigrationWorker> {
  const child = fork(fileURLToPath(new URL("./migration-worker-process.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const message = (wanted: string) =>
    new Promise<void>((resolve, reject) => {
      child.on("message", (m) => m === wanted && resolve());
      void exited.then(() => reject(new Error(`the migration worker process exited before '${wanted}'`)));
    });
  await message(WORKER_BOOTED);
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const kill = async () => {
    if (!gone()) child.kill("SIGKILL");
    await exited;
  };
  return {
    pid: child.pid!,
    kill,
    async start(config) {
      const ready = message(WORKER_READY);
      child.send(config);
      await ready;
      return {
        pid: child.pid!,
        holder: config.holder,
        kill,
        async stop() {
          if (gone()) return;
          child.disconnect();
          const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          await exited;
          clearTimeout(timer);
        },
      };
    },
  };
}
