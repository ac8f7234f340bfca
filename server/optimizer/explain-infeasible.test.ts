// Infeasible placements are explained in words: the smallest set of constraints that conflict.
import { afterAll, describe, expect, it } from "vitest";
import type { PlacementCluster, PlacementDeployment, PlacementProblem } from "./placement-problem";
import { DEFAULT_PLACEMENT_OPTIONS } from "./placement-problem";
import { PlacementSolver } from "./placement-solver";
import { solvePlacement } from "./solve-placement";

const solver = new PlacementSolver();
afterAll(() => solver.close());

const cluster = (
  id: string,
  cloud: string,
  residency: string[],
  gpus: { type?: string; free: number; p95?: number | null }[],
): PlacementCluster => ({
  id,
  name: id,
  cloud,
  residency,
  currency: "USD",
  egressPerGb: 0.05,
  gpus: gpus.map((g) => ({
    gpuType: g.type ?? "A100",
    free: g.free,
    pricePerGpuHour: 2,
    p95Ms: g.p95 === undefined ? 100 : g.p95,
  })),
});
const deployment = (id: string, over: Partial<PlacementDeployment> = {}): PlacementDeployment => ({
  id,
  name: id,
  gpuType: "A100",
  gpusPerReplica: 1,
  replicas: 4,
  currentClusterIds: [],
  sloP95Ms: null,
  residency: [],
  artifactGb: 10,
  ...over,
});
const problem = (
  deployments: PlacementDeployment[],
  clusters: PlacementCluster[],
  options: Partial<PlacementProblem["options"]> = {},
): PlacementProblem => ({
  deployments,
  clusters,
  options: { ...DEFAULT_PLACEMENT_OPTIONS, currency: "USD", equivalence: { A100: 1, L4: 0.35 }, ...options },
});

describe("infeasibility explanations", () => {
  it("names the residency and the missing capacity when no allowed cluster has room", async () => {
    const p = problem(
      [deployment("credit-risk", { residency: ["cn"] })],
      [
        cluster("aws-us", "aws", ["us"], [{ free: 8 }]),
        cluster("ali-sh", "aliyun", ["cn"], [{ free: 2 }]),
        cluster("ali-bj", "aliyun", ["cn"], [{ free: 3 }]),
      ],
    );
    const plan = await solvePlacement(p, { solver });
    expect(plan.status).toBe("infeasible");
    expect(plan.conflicts).toEqual([
      {
        kind: "no-place",
        deploymentIds: ["credit-risk"],
        message:
          "credit-risk needs residency cn; no cn cluster has 4 free A100 (ali-sh has 2 free A100 and ali-bj has 3 free A100)",
      },
    ]);
  });

  it("says which filter removed each cluster: exclusion, SLO, unknown latency", async () => {
    const p = problem(
      [deployment("chat", { sloP95Ms: 150, currentClusterIds: ["a"] })],
      [
        cluster("a", "aws", [], [{ free: 0 }]),
        cluster("b", "gcp", [], [{ free: 8, p95: 300 }]),
        cluster("c", "azure", [], [{ free: 8, p95: null }]),
      ],
      { excludedClusterIds: ["a"] },
    );
    const plan = await solvePlacement(p, { solver });
    expect(plan.conflicts[0]!.message).toBe(
      "chat no cluster can take it: a is excluded; b p95 on A100 is 300 ms > SLO 150 ms; c has no p95 data for A100 (allow unknown latency to consider it)",
    );
    // Allowing unknown latency opens cluster c: the same instance becomes feasible.
    const open = await solvePlacement({ ...p, options: { ...p.options, allowUnknownLatency: true } }, { solver });
    expect(open.status).toBe("optimal");
    expect(open.moves[0]).toMatchObject({ to: { clusterId: "c" }, reasons: ["excluded"] });
  });

  it("finds deployments that together need more GPUs than the only clusters they may use", async () => {
    const p = problem(
      [deployment("a", { residency: ["eu"] }), deployment("b", { residency: ["eu"] }), deployment("c")],
      [cluster("eu-1", "aws", ["eu"], [{ free: 5 }]), cluster("us-1", "gcp", ["us"], [{ free: 20 }])],
    );
    const plan = await solvePlacement(p, { solver });
    expect(plan.status).toBe("infeasible");
    expect(plan.conflicts[0]).toEqual({
      kind: "capacity",
      deploymentIds: ["a", "b"],
      message: "a and b can only run on A100 on eu-1 and need at least 8 GPUs there; only 5 are free",
    });
  });

  it("counts unavoidable moves against the move limit", async () => {
    const p = problem(
      [deployment("a", { currentClusterIds: ["x"] }), deployment("b", { currentClusterIds: ["x"] })],
      [cluster("x", "aws", [], [{ free: 0 }]), cluster("y", "gcp", [], [{ free: 8 }])],
      { excludedClusterIds: ["x"], maxMoves: 1 },
    );
    const plan = await solvePlacement(p, { solver });
    expect(plan.conflicts[0]!.message).toBe(
      "2 moves are unavoidable (a: x is excluded; b: x is excluded) but the plan allows at most 1; raise the limit",
    );
  });

  it("falls back to a deletion filter with the solver when the cheap checks see nothing", async () => {
    // a must leave x, can only go to y, which is full with b; b could go to z, but only one move is allowed.
    const p = problem(
      [
        deployment("a", { currentClusterIds: ["x"], residency: ["eu"] }),
        deployment("b", { currentClusterIds: ["y"] }),
        deployment("c", { currentClusterIds: ["z"], replicas: 1 }),
      ],
      [
        cluster("x", "aws", ["eu"], [{ free: 0 }]),
        cluster("y", "gcp", ["eu"], [{ free: 0 }]),
        cluster("z", "azure", ["us"], [{ free: 4 }]),
      ],
      { excludedClusterIds: ["x"], maxMoves: 1 },
    );
    const plan = await solvePlacement(p, { solver });
    expect(plan.status).toBe("infeasible");
    expect(plan.conflicts).toEqual([
      {
        kind: "solver",
        deploymentIds: ["a", "b"],
        message: "these cannot all hold at once: placing a; placing b; 4 A100 on y; at most 1 move",
      },
    ]);
  });
});
