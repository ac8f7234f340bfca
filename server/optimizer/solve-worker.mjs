// The solver's worker thread: loads HiGHS (WebAssembly) once and runs whole placement solves (plan-placement.ts)
// off the main event loop. Plain JavaScript that loads the TypeScript through tsx, so a worker thread starts it under
// Node, tsx, Vitest or Next alike; messages: placement-solver.ts.
import { parentPort } from "node:worker_threads";
import loadHighs from "highs";
import { tsImport } from "tsx/esm/api";

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
