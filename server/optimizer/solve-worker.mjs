// The solver's worker thread: loads HiGHS (WebAssembly) once and runs whole placement solves (plan-placement.ts)
// off the main event loop. Plain JavaScript that loads the TypeScript through tsx, so a worker thread starts it under
// Node, tsx, Vitest or Next alike; messages: placement-solver.ts.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import loadHighs from "highs";
import { tsImport } from "tsx/esm/api";

// A solve is background work: niced, this thread yields the CPU to the one serving requests whenever that one wakes
// (on a busy 2-core machine the main loop otherwise waits its turn behind the solver). Linux nices threads one by one.
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 10);
} catch {
  // Not Linux, or not allowed: the solve runs at the process's priority.
}

const ready = Promise.all([loadHighs(), tsImport("./plan-placement.ts", import.meta.url)]);

parentPort?.on("message", (request) => {
  const { id, problem, options } = request;
  ready
    .then(([highs, { planPlacement }]) => {
      const plan = planPlacement(highs, problem, options, (by) =>
        parentPort?.postMessage({ id, progress: "first-feasible", by }),
      );
      parentPort?.postMessage({ id, ok: true, plan });
    })
    .catch((e) =>
      parentPort?.postMessage({
        id,
        ok: false,
        // An AppError (e.g. a missing currency rate) keeps its code across the thread boundary.
        code: e?.name === "AppError" ? e.code : null,
        error: e instanceof Error ? e.message : String(e),
      }),
    );
});
