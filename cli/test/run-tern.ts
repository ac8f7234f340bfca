// Runs the real `tern` binary (bin/tern.mjs) as a child process and collects its output and exit code.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const BIN = path.resolve(import.meta.dirname, "../../bin/tern.mjs");

export interface TernRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TernProcess {
  child: ChildProcess;
  /** Output so far. */
  stdout: () => string;
  done: Promise<TernRun>;
}

export function startTern(args: string[], env: Record<string, string>, input?: string): TernProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    // The child inherits the test's environment, as a shell would pass it on.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, TERN_URL: "", TERN_TOKEN: "", NO_COLOR: "1", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? "");
  const done = new Promise<TernRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { child, stdout: () => stdout, done };
}

export const tern = (args: string[], env: Record<string, string>, input?: string) => startTern(args, env, input).done;
