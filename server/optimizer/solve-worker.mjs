// The HiGHS worker thread: loads the WebAssembly solver once and solves CPLEX LP texts off the main event loop.
// Plain JavaScript so a worker thread starts it under Node, tsx, Vitest or Next alike; messages: placement-solver.ts.
import { parentPort } from "node:worker_threads";
import loadHighs from "highs";

const highsReady = loadHighs();

parentPort?.on("message", (request) => {
  highsReady
    .then((highs) => parentPort?.postMessage(solve(highs, request)))
    .catch((e) =>
      parentPort?.postMessage({ id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
});

function solve(highs, { id, lp, timeLimitSeconds, mipRelGap, start }) {
  const model = highs.createModel({ format: "lp", data: lp });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: mipRelGap });
    const numCols = model.getDimensions().numCols;
    const names = [];
    for (let i = 0; i < numCols; i++) names.push(model.getColName(i));
    // A known feasible plan (names of the columns at 1) is HiGHS's first incumbent; it checks rather than trusts it.
    if (start?.length) {
      const atOne = new Set(start);
      model.setSolution({ colValue: names.map((n) => (atOne.has(n) ? 1 : 0)) });
    }
    let firstIncumbentSeconds = null;
    const { modelStatus } = model.run({
      [highs.constants.callbackType.mipImprovingSolution](event) {
        if (firstIncumbentSeconds !== null) return;
        firstIncumbentSeconds = event.data.running_time ?? 0;
        parentPort?.postMessage({ id, progress: "first-incumbent" });
      },
    });
    const hasSolution = Number(model.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible;
    // Only the columns at 1 go back: a 20,000-column answer would otherwise cost the main thread its own time to read.
    const colValue = hasSolution ? model.getSolution().colValue : [];
    const ones = [];
    for (let i = 0; i < colValue.length; i++) if (colValue[i] > 0.5) ones.push(names[i]);
    const info = (name) => {
      try {
        const v = Number(model.info.get(name));
        return Number.isFinite(v) ? v : null;
      } catch {
        return null;
      }
    };
    return {
      id,
      ok: true,
      status: modelStatus,
      hasSolution,
      objective: hasSolution ? model.getObjectiveValue() : null,
      ones,
      mipGap: info("mip_gap"),
      dualBound: info("mip_dual_bound"),
      nodes: info("mip_node_count"),
      firstIncumbentSeconds,
      runSeconds: model.getRunTime(),
    };
  } finally {
    model.dispose();
  }
}
