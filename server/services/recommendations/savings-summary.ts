// "Savings available" for the overview: the team's last default solve, kept per process for a few minutes.
// A request never waits for the solver: a missing or stale figure starts one solve in the background (one per team
// at a time) and the page asks again.
import { errorMessage } from "../../domain/error-message";
import { logger } from "../../log";
import { ZSolveRecommendationsRequest } from "../../validation/recommendations";
import type { TeamScope } from "../context";
import { cachedSavings, rememberSavings, rememberSavingsFailure, type SavingsSummary } from "./savings-cache";
import { solveRecommendations } from "./solve-recommendations";

export const SAVINGS_MAX_AGE_MS = 5 * 60_000;
/** The overview's solve is a quick look: the page's own solve has the full time limit. */
export const SAVINGS_TIME_LIMIT_SECONDS = 3;

const running = new Map<string, Promise<void>>();

export function getSavingsSummary(opts: TeamScope & { now?: number; maxAgeMs?: number }): SavingsSummary {
  const now = opts.now ?? Date.now();
  const entry = cachedSavings(opts.teamId);
  if (!entry || now - entry.at > (opts.maxAgeMs ?? SAVINGS_MAX_AGE_MS)) void refreshSavings(opts);
  return (
    entry?.summary ?? {
      state: "computing",
      savingsPerMonth: null,
      currency: null,
      moves: 0,
      status: null,
      computedAt: null,
      error: null,
    }
  );
}

/** Solves the team's default plan once (joins a solve already running) and caches the result. */
export function refreshSavings(opts: TeamScope): Promise<void> {
  const busy = running.get(opts.teamId);
  if (busy) return busy;
  const job = solveRecommendations({
    ...opts,
    input: ZSolveRecommendationsRequest.parse({ timeLimitSeconds: SAVINGS_TIME_LIMIT_SECONDS }),
  })
    .then((plan) => rememberSavings(opts.teamId, plan))
    .catch((e: unknown) => {
      logger("recommendations").warn(`savings for the overview could not be computed: ${errorMessage(e)}`);
      rememberSavingsFailure(opts.teamId, errorMessage(e));
    })
    .finally(() => running.delete(opts.teamId));
  running.set(opts.teamId, job);
  return job;
}
