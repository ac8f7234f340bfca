// Deletion filter over constraint groups with the solver: drops each group whose removal keeps the plan infeasible.
import type { AllowedPlacements } from "./allowed-placements";
import { buildPlacementLp } from "./build-placement-lp";
import type { Conflict } from "./explain-infeasible";
import type { PlacementProblem } from "./placement-problem";
import { LP_STATUS, type PlacementSolver } from "./placement-solver";

/** Each test is one solve; past this many groups the search would take too long to be worth it. */
const MAX_GROUPS = 120;

export async function findConflictingGroups(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  solver: PlacementSolver,
): Promise<Conflict[]> {
  const all = buildPlacementLp(problem, allowed).groups;
  if (all.length > MAX_GROUPS) {
    return [
      {
        kind: "solver",
        deploymentIds: [],
        message: `the plan is infeasible, and with ${all.length} constraints no small conflicting set was searched; exclude fewer clusters, add capacity or raise the move limit`,
      },
    ];
  }
  const infeasible = async (disabled: Set<string>) => {
    const a = await solver.solveLp(buildPlacementLp(problem, allowed, disabled).text, { timeLimitSeconds: 5 });
    return a.status === LP_STATUS.infeasible || a.status === LP_STATUS.unboundedOrInfeasible;
  };
  const kept = new Set(all);
  for (const g of all) {
    kept.delete(g);
    const disabled = new Set(all.filter((x) => !kept.has(x)));
    // Still infeasible without it: it is not needed for the conflict. Otherwise (or when unsure) it stays.
    if (!(await infeasible(disabled))) kept.add(g);
  }
  const words = [...kept].map((g) => groupWords(problem, allowed, g));
  const deploymentIds = [...kept]
    .filter((g) => g.startsWith("place:") || g.startsWith("spread:"))
    .map((g) => problem.deployments[Number(g.split(":")[1])]!.id);
  return [{ kind: "solver", deploymentIds, message: `these cannot all hold at once: ${words.join("; ")}` }];
}

function groupWords(problem: PlacementProblem, allowed: AllowedPlacements, group: string): string {
  const [kind, index] = group.split(":");
  const i = Number(index);
  if (kind === "place") return `placing ${problem.deployments[i]!.name}`;
  if (kind === "spread") return `${problem.deployments[i]!.name} in ${allowed.copies[i]} copies over at least 2 clouds`;
  if (kind === "pool") {
    const p = allowed.pools[i]!;
    return `${p.capacity} ${p.gpuType} on ${problem.clusters[p.cluster]!.name}`;
  }
  return `at most ${problem.options.maxMoves} move${problem.options.maxMoves === 1 ? "" : "s"}`;
}
