// The team's placement advice: its fleet as a problem, the what-if changes, solved in the optimizer's worker.
import { notFound } from "../../errors";
import { applyWhatIf } from "../../optimizer/apply-what-if";
import { solvePlacement } from "../../optimizer/solve-placement";
import type { RecommendationsPlan, SolveRecommendationsRequest } from "../../validation/recommendations";
import type { TeamScope } from "../context";
import { loadPlacementProblem } from "./load-placement-problem";
import { isDefaultSolve, rememberSavings } from "./savings-cache";

export async function solveRecommendations(
  opts: TeamScope & { input: SolveRecommendationsRequest },
): Promise<RecommendationsPlan> {
  const { input } = opts;
  const { problem, notes } = await loadPlacementProblem({
    ...opts,
    currency: input.currency,
    egressPerGb: input.egressPerGb,
  });
  const clusterIds = new Set(problem.clusters.map((c) => c.id));
  const deploymentIds = new Set(problem.deployments.map((d) => d.id));
  // A what-if may only name this team's clusters and deployments.
  const clusterRefs = [
    ...input.excludedClusterIds,
    ...input.whatIf.removedClusterIds,
    ...input.whatIf.prices.map((p) => p.clusterId),
    ...input.whatIf.addedCapacity.map((a) => a.clusterId),
    ...input.pins.flatMap((p) => (p.clusterId ? [p.clusterId] : [])),
  ];
  if (clusterRefs.some((id) => !clusterIds.has(id))) throw notFound("a cluster named in the what-if");
  if (input.pins.some((p) => !deploymentIds.has(p.deploymentId))) throw notFound("a pinned deployment");
  const changed = applyWhatIf(
    {
      ...problem,
      options: {
        ...problem.options,
        rates: input.rates,
        horizonMonths: input.horizonMonths,
        overlapHours: input.overlapHours,
        maxMoves: input.maxMoves,
        allowUnknownLatency: input.allowUnknownLatency,
        excludedClusterIds: input.excludedClusterIds,
        pins: [...problem.options.pins, ...input.pins],
      },
    },
    input.whatIf,
  );
  const plan = await solvePlacement(changed, { timeLimitSeconds: input.timeLimitSeconds });
  const answer: RecommendationsPlan = {
    status: plan.status,
    currency: plan.currency,
    currentMonthlyCost: plan.currentMonthlyCost,
    plannedMonthlyCost: plan.plannedMonthlyCost,
    savingsPerMonth: plan.savingsPerMonth,
    oneOffMoveCost: plan.oneOffMoveCost,
    objective: plan.objective,
    gap: plan.gap,
    solveMs: plan.solveMs,
    firstFeasibleMs: plan.firstFeasibleMs,
    variables: plan.variables,
    moves: plan.moves,
    binding: plan.binding,
    conflicts: plan.conflicts,
    clusters: changed.clusters.map((c) => ({
      id: c.id,
      name: c.name,
      cloud: c.cloud,
      gpuTypes: c.gpus.map((g) => g.gpuType),
    })),
    notes,
  };
  // The page's own plan without what-ifs is what the overview's "savings available" shows.
  if (isDefaultSolve(input)) rememberSavings(opts.teamId, answer);
  return answer;
}
