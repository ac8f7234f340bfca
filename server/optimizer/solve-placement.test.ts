// The HiGHS placement against exhaustive search on small random instances, and the plan's moves and binding limits.
import { afterAll, describe, expect, it } from "vitest";
import { allowedPlacements, type AllowedPlacements, type PlacementOption } from "./allowed-placements";
import { buildPlacementModel } from "./placement-model";
import type { PlacementProblem } from "./placement-problem";
import { PlacementSolver } from "./placement-solver";
import { randomPlacementInstance, seededRandom } from "./random-placement-instance";
import { solvePlacement } from "./solve-placement";

const solver = new PlacementSolver();
afterAll(() => solver.close());

/** Every combination of options (k distinct clusters in ≥ 2 clouds per deployment), within capacity and the move limit. */
function bruteForce(problem: PlacementProblem, allowed: AllowedPlacements): number | null {
  const choices = allowed.options.map((opts, di) =>
    subsets(opts, allowed.copies[di]!).filter((s) => spreads(problem, s)),
  );
  const left = allowed.pools.map((p) => p.capacity);
  let best: number | null = null;
  const go = (di: number, cost: number, moves: number) => {
    if (di === choices.length) {
      if (best === null || cost < best) best = cost;
      return;
    }
    for (const set of choices[di]!) {
      const m = moves + set.filter((o) => !o.isCurrent).length;
      if (problem.options.maxMoves !== null && m > problem.options.maxMoves) continue;
      if (set.some((o) => left[o.pool]! < o.gpus)) continue;
      for (const o of set) left[o.pool]! -= o.gpus;
      go(di + 1, cost + set.reduce((s, o) => s + o.objective, 0), m);
      for (const o of set) left[o.pool]! += o.gpus;
    }
  };
  go(0, 0, 0);
  return best;
}

function subsets<T>(xs: T[], k: number): T[][] {
  if (k === 0) return [[]];
  return xs.flatMap((x, i) => subsets(xs.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
}

function spreads(problem: PlacementProblem, set: PlacementOption[]): boolean {
  if (set.length < 2) return true;
  const clusters = new Set(set.map((o) => o.cluster));
  const clouds = new Set(set.map((o) => problem.clusters[o.cluster]!.cloud));
  return clusters.size === set.length && clouds.size >= 2;
}

describe("solvePlacement", () => {
  it("finds the same optimum as exhaustive search on 30 small random instances", async () => {
    let feasible = 0;
    let infeasible = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = seededRandom(seed * 7919);
      const problem = randomPlacementInstance({
        deployments: 2 + (seed % 4),
        clusters: 2 + (seed % 3),
        seed,
        spare: 0.05 + rnd() * 0.3,
        redundant: seed % 5 === 0 ? 0.5 : 0,
      });
      // Some instances with a move limit, an excluded cluster or a pin, so those constraints get checked too.
      if (seed % 3 === 0) problem.options.maxMoves = seed % 2;
      if (seed % 4 === 0) problem.options.excludedClusterIds = ["c0"];
      if (seed % 7 === 0) problem.options.pins = [{ deploymentId: "d0" }];
      problem.options.horizonMonths = 1 + (seed % 6);
      const expected = bruteForce(problem, allowedPlacements(problem));
      const plan = await solvePlacement(problem, { solver, timeLimitSeconds: 10, mipRelGap: 0 });
      if (expected === null) {
        infeasible++;
        expect(plan.status, `seed ${seed}`).toBe("infeasible");
        expect(plan.conflicts.length, `seed ${seed}`).toBeGreaterThan(0);
      } else {
        feasible++;
        expect(plan.status, `seed ${seed}`).toBe("optimal");
        expect(plan.objective!, `seed ${seed}`).toBeCloseTo(expected, 4);
      }
    }
    // Both kinds occur, or the comparison proves less than it claims.
    expect(feasible).toBeGreaterThan(15);
    expect(infeasible).toBeGreaterThan(0);
  });

  it("finds the same optimum when interchangeable deployments share mover columns", async () => {
    let grouped = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = seededRandom(seed * 104729);
      const problem = randomPlacementInstance({ deployments: 5, clusters: 3, seed, spare: 0.1 + rnd() * 0.3 });
      // Same GPU type and size, no SLO or residency: the same options everywhere, different places and artifacts now.
      for (const d of problem.deployments) {
        d.gpuType = "A100";
        d.gpusPerReplica = 1;
        d.replicas = 1 + (seed % 2);
        d.sloP95Ms = null;
        d.residency = [];
        delete d.copies;
        const c = problem.clusters[Math.floor(rnd() * problem.clusters.length)]!;
        if (!c.gpus.some((g) => g.gpuType === "A100")) c.gpus.push({ ...c.gpus[0]!, gpuType: "A100", free: 0 });
        d.currentClusterIds = rnd() < 0.2 ? [] : [c.id];
        // Artifacts large enough that each mover's own egress decides who moves.
        d.artifactGb = Math.round(50 + rnd() * 2000);
      }
      // Prices within a cent of each other, so a move saves about what some movers' egress costs.
      for (const c of problem.clusters) for (const g of c.gpus) g.pricePerGpuHour = 2.5 + rnd() * 0.02;
      if (seed % 3 === 0) problem.options.maxMoves = 1 + (seed % 2);
      problem.options.horizonMonths = 1 + (seed % 4);
      const allowed = allowedPlacements(problem);
      if (buildPlacementModel(problem, allowed).classes.length) grouped++;
      const expected = bruteForce(problem, allowed);
      const plan = await solvePlacement(problem, { solver, timeLimitSeconds: 10 });
      if (expected === null) expect(plan.status, `seed ${seed}`).toBe("infeasible");
      else {
        expect(plan.status, `seed ${seed}`).toBe("optimal");
        expect(plan.objective!, `seed ${seed}`).toBeCloseTo(expected, 4);
        // Every deployment has exactly one place, within capacity.
        expect(
          plan.placements.every((p) => p.placements.length === 1),
          `seed ${seed}`,
        ).toBe(true);
      }
    }
    // The instances do exercise the classes, or this test proves nothing about them.
    expect(grouped).toBeGreaterThan(10);
  });

  it("moves a deployment to a cheaper cluster, saying why, and reports the capacity it fills", async () => {
    const problem: PlacementProblem = {
      deployments: [
        {
          id: "d1",
          name: "chat",
          gpuType: "A100",
          gpusPerReplica: 1,
          replicas: 2,
          currentClusterIds: ["pricey"],
          sloP95Ms: 200,
          residency: [],
          artifactGb: 10,
        },
      ],
      clusters: [
        {
          id: "pricey",
          name: "pricey",
          cloud: "aws",
          residency: ["us"],
          currency: "USD",
          egressPerGb: 0.09,
          gpus: [{ gpuType: "A100", free: 0, pricePerGpuHour: 4, p95Ms: 120 }],
        },
        {
          id: "cheap",
          name: "cheap",
          cloud: "gcp",
          residency: ["us"],
          currency: "USD",
          egressPerGb: 0.08,
          gpus: [{ gpuType: "A100", free: 2, pricePerGpuHour: 2, p95Ms: 150 }],
        },
      ],
      options: {
        currency: "USD",
        rates: {},
        horizonMonths: 6,
        overlapHours: 2,
        hoursPerMonth: 730,
        maxMoves: null,
        pins: [],
        excludedClusterIds: [],
        allowUnknownLatency: false,
        equivalence: { A100: 1 },
      },
    };
    const plan = await solvePlacement(problem, { solver });
    expect(plan.status).toBe("optimal");
    expect(plan.moves).toEqual([
      expect.objectContaining({ deploymentId: "d1", fromClusterIds: ["pricey"], reasons: ["price"] }),
    ]);
    expect(plan.moves[0]!.to).toMatchObject({ clusterId: "cheap", gpus: 2 });
    expect(plan.savingsPerMonth).toBeCloseTo((4 - 2) * 2 * 730, 6);
    expect(plan.oneOffMoveCost).toBeCloseTo(10 * 0.09 + 2 * 2 * 2, 6);
    expect(plan.binding).toEqual([
      expect.objectContaining({ kind: "capacity", clusterId: "cheap", used: 2, capacity: 2 }),
    ]);
    expect(plan.gap).toBe(0);
  });

  it("refuses to mix currencies without a rate and converts with one", async () => {
    const problem = randomPlacementInstance({ deployments: 3, clusters: 3, seed: 5 });
    problem.clusters[1]!.currency = "CNY";
    await expect(solvePlacement(problem, { solver })).rejects.toThrow(
      /cluster-1' prices in CNY but the plan is in USD; enter a CNY→USD rate/,
    );
    problem.options.rates = { CNY: 0.14 };
    expect((await solvePlacement(problem, { solver })).status).toBe("optimal");
  });
});
