// A local server binary that `npm start` and tests run beside Tern (Prometheus, Alertmanager): its output appended
// to a log file, ready once GET <url>/-/ready answers, killed if Tern exits, stopped with SIGTERM then SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

export interface LocalProcess {
  pid: number;
  stop(): Promise<void>;
}

export interface RunLocalProcessOptions {
  /** For messages: "Prometheus did not become ready …". */
  name: string;
  bin: string;
  args: string[];
  logFile: string;
  /** Base URL that serves /-/ready. */
  url: string;
  readyTimeoutMs: number;
  /** Builds the errors a failed start throws (a caller's own error class); plain Error by default. */
  startError?: (message: string) => Error;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLocalProcess(o: RunLocalProcessOptions): Promise<LocalProcess> {
  const fail = o.startError ?? ((m: string) => new Error(m));
  const logStream = createWriteStream(o.logFile, { flags: "a" });
  let tail = "";
  const child = spawn(o.bin, o.args, { stdio: ["ignore", "pipe", "pipe"] });
  const capture = (chunk: Buffer) => {
    logStream.write(chunk);
    tail = (tail + chunk.toString()).slice(-800);
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  const spawnError = new Promise<never>((_, reject) =>
    child.once("error", (e) => reject(fail(`cannot run ${o.bin}: ${e.message}`))),
  );
  spawnError.catch(() => {}); // observed through the race below; later errors surface as an exit
  // If Tern exits without calling stop(), do not leave an orphan holding the port (and Prometheus' database lock).
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);

  try {
    await Promise.race([waitReady(o, child, fail, () => tail.trim()), spawnError]);
  } catch (e) {
    child.kill("SIGKILL");
    process.removeListener("exit", killOnExit);
    logStream.end();
    throw e;
  }
  return {
    pid: child.pid ?? -1,
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

async function waitReady(
  o: RunLocalProcessOptions,
  child: ChildProcess,
  fail: (message: string) => Error,
  logTail: () => string,
): Promise<void> {
  const deadline = Date.now() + o.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw fail(`${o.name} exited with code ${child.exitCode} while starting: ${logTail()}`);
    try {
      if ((await fetch(`${o.url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw fail(`${o.name} did not become ready within ${o.readyTimeoutMs / 1000} s: ${logTail()}`);
}
