// Deletion filter over constraint groups with the solver: drops each group whose removal keeps the plan infeasible.
import type { Highs } from "highs";
import type { AllowedPlacements } from "./allowed-placements";
import type { Conflict } from "./explain-infeasible";
import { buildPlacementModel } from "./placement-model";
import type { PlacementProblem } from "./placement-problem";
import { LP_STATUS, runMip } from "./run-mip";

/** Each test is one solve; past this many groups the search would take too long to be worth it. */
const MAX_GROUPS = 120;
/** The whole search's budget: it runs in the solver's worker, where the main thread's guard waits for the answer. */
export const CONFLICT_SEARCH_SECONDS = 20;

/** Runs in the solver's worker thread (see plan-placement.ts); each test is one HiGHS run on the model without some groups. */
export function findConflictingGroups(highs: Highs, problem: PlacementProblem, allowed: AllowedPlacements): Conflict[] {
  // One column per deployment here: the groups name deployments one by one.
  const model = (disabled: ReadonlySet<string>) =>
    buildPlacementModel(problem, allowed, { disabled, aggregate: false });
  const all = model(new Set()).groups;
  if (all.length > MAX_GROUPS) {
    return [
      {
        kind: "solver",
        deploymentIds: [],
        message: `the plan is infeasible, and with ${all.length} constraints no small conflicting set was searched; exclude fewer clusters, add capacity or raise the move limit`,
      },
    ];
  }
  const infeasible = (disabled: Set<string>) => {
    const a = runMip(highs, model(disabled), { timeLimitSeconds: 5, mipRelGap: 1e-4 });
    return a.status === LP_STATUS.infeasible || a.status === LP_STATUS.unboundedOrInfeasible;
  };
  const kept = new Set(all);
  const deadline = performance.now() + CONFLICT_SEARCH_SECONDS * 1000;
  for (const g of all) {
    // Out of time: what is still kept is infeasible too (only groups it stays infeasible without were dropped), just
    // not the smallest such set.
    if (performance.now() > deadline) break;
    kept.delete(g);
    const disabled = new Set(all.filter((x) => !kept.has(x)));
    // Still infeasible without it: it is not needed for the conflict. Otherwise (or when unsure) it stays.
    if (!infeasible(disabled)) kept.add(g);
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
