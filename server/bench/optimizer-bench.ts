// Placement optimizer bench: 500 deployments × 40 clusters with tight capacity, HiGHS in its worker vs cheapest-first greedy.
import { allowedPlacements } from "../optimizer/allowed-placements.ts";
import { greedyPlacement } from "../optimizer/greedy-placement.ts";
import { PlacementSolver } from "../optimizer/placement-solver.ts";
import { randomPlacementInstance } from "../optimizer/random-placement-instance.ts";
import { solvePlacement } from "../optimizer/solve-placement.ts";
import type { Figure } from "./list-bench.ts";

const SHAPE = { deployments: 500, clusters: 40, spare: 0.04, redundant: 0.05 };
const GREEDY_SEEDS = 20;
const RATIO_SEEDS = 3;

/** Samples how late a 5 ms timer fires: the main thread's lag while the solve runs. */
function lagMonitor() {
  const lags: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - last - 5));
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    lags.sort((a, b) => a - b);
    return { max: lags.at(-1) ?? 0, p99: lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.99))] ?? 0 };
  };
}

export async function runOptimizerBench(): Promise<Figure[]> {
  const solver = new PlacementSolver();
  const figures: Figure[] = [];
  const show = (f: Figure) => {
    figures.push(f);
    console.log(`optimizer.${f.name}: ${f.value.toFixed(f.unit === "ratio" ? 4 : 2)} ${f.unit}`);
  };
  try {
    // Warm the worker (Wasm load) so the first figure is the solve, not the start-up.
    await solvePlacement(randomPlacementInstance({ deployments: 3, clusters: 2, seed: 1 }), { solver });
    const ratios: number[] = [];
    for (let seed = 1; seed <= RATIO_SEEDS; seed++) {
      const problem = randomPlacementInstance({ ...SHAPE, seed });
      const stop = lagMonitor();
      const plan = await solvePlacement(problem, { solver, timeLimitSeconds: 60 });
      const lag = stop();
      if (seed === 1) {
        console.log(`# seed 1: ${plan.variables} binaries, status ${plan.status}, first feasible by ${plan.firstFeasibleBy ?? "none"}`);
        show({ name: "proven_optimal", value: plan.solveMs / 1000, unit: "s" });
        show({ name: "first_feasible", value: plan.firstFeasibleMs ?? NaN, unit: "ms" });
        show({ name: "gap", value: (plan.gap ?? NaN) * 100, unit: "%" });
        show({ name: "loop_lag.max", value: lag.max, unit: "ms" });
        show({ name: "loop_lag.p99", value: lag.p99, unit: "ms" });
      }
      if (plan.status === "optimal" && plan.greedyObjective !== null && plan.objective) ratios.push(plan.greedyObjective / plan.objective);
    }
    if (ratios.length) show({ name: `greedy_cost_vs_optimum (mean of ${ratios.length} feasible of ${RATIO_SEEDS} seeds)`, value: ratios.reduce((s, r) => s + r, 0) / ratios.length, unit: "ratio" });
    let failed = 0;
    for (let seed = 1; seed <= GREEDY_SEEDS; seed++) {
      const problem = randomPlacementInstance({ ...SHAPE, seed });
      if (!greedyPlacement(problem, allowedPlacements(problem))) failed++;
    }
    show({ name: `greedy_infeasible (of ${GREEDY_SEEDS} seeds, each feasible)`, value: (100 * failed) / GREEDY_SEEDS, unit: "%" });
  } finally {
    await solver.close();
  }
  return figures;
}
