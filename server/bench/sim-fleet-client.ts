// Starts sim-fleet-process.ts as a child process and calls its ops; `close` ends it and its API servers.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SIM_READY, type SimFleetOps, type SimLiveEvent, type SimOp, type SimReply } from "./sim-fleet-protocol.ts";

export interface SimFleet {
  call<K extends SimOp>(op: K, args: SimFleetOps[K]["args"]): Promise<SimFleetOps[K]["result"]>;
  /** Events the child read from a live stream (see the readLive op). */
  onLive(listener: (id: string, at: number) => void): void;
  close(): Promise<void>;
}

export async function startSimFleet(): Promise<SimFleet> {
  const child = fork(fileURLToPath(new URL("./sim-fleet-process.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    for (const p of pending.values()) p.reject(new Error("the simulated cluster process exited"));
    pending.clear();
  });

  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (m !== SIM_READY) return;
      child.off("message", onMessage);
      resolve();
    };
    child.on("message", onMessage);
    void exited.then(() => reject(new Error("the simulated cluster process exited before it was ready")));
  });
  const liveListeners: ((id: string, at: number) => void)[] = [];
  child.on("message", (m: SimReply | SimLiveEvent) => {
    if ("live" in m) return liveListeners.forEach((l) => l(m.live, m.at));
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`simulated cluster process: ${m.error}`));
  });

  return {
    call: (op, args) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, op, args });
      }),
    onLive: (listener) => void liveListeners.push(listener),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.disconnect();
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
