// The team's last default plan as the overview shows it, kept per process (see savings-summary.ts).
import { ZSolveRecommendationsRequest, type RecommendationsPlan } from "../../validation/recommendations";

export interface SavingsSummary {
  state: "ready" | "computing" | "failed";
  savingsPerMonth: number | null;
  currency: string | null;
  moves: number;
  status: RecommendationsPlan["status"] | null;
  computedAt: Date | null;
  error: string | null;
}

interface Entry {
  summary: SavingsSummary;
  at: number;
}

const cache = new Map<string, Entry>();

export function cachedSavings(teamId: string): Entry | undefined {
  return cache.get(teamId);
}

export function rememberSavingsFailure(teamId: string, error: string, now = Date.now()): void {
  cache.set(teamId, {
    at: now,
    summary: {
      state: "failed",
      savingsPerMonth: null,
      currency: null,
      moves: 0,
      status: null,
      computedAt: new Date(now),
      error,
    },
  });
}

/** The default plan (no what-if) as the overview shows it; the page's own default solve refreshes it too. */
export function rememberSavings(teamId: string, plan: RecommendationsPlan, now = Date.now()): void {
  const ok = plan.status === "optimal" || plan.status === "feasible";
  cache.set(teamId, {
    at: now,
    summary: {
      state: "ready",
      savingsPerMonth: ok ? Math.max(0, plan.savingsPerMonth) : null,
      currency: plan.currency,
      moves: ok ? plan.moves.length : 0,
      status: plan.status,
      computedAt: new Date(now),
      error: null,
    },
  });
}

export function isDefaultSolve(input: unknown): boolean {
  const d = ZSolveRecommendationsRequest.parse({});
  const i = ZSolveRecommendationsRequest.parse(input);
  return JSON.stringify({ ...i, timeLimitSeconds: 0 }) === JSON.stringify({ ...d, timeLimitSeconds: 0 });
}

/** For tests: forget every cached figure. */
export function clearSavingsCache(): void {
  cache.clear();
}
