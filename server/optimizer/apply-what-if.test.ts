// What-if changes re-solve to the plan they should: a price drop draws a move, a removed cluster empties, capacity opens a move.
import { afterAll, describe, expect, it } from "vitest";
import { applyWhatIf } from "./apply-what-if";
import { DEFAULT_PLACEMENT_OPTIONS, type PlacementProblem } from "./placement-problem";
import { PlacementSolver } from "./placement-solver";
import { solvePlacement } from "./solve-placement";

const solver = new PlacementSolver();
afterAll(() => solver.close());

const base: PlacementProblem = {
  deployments: [
    {
      id: "chat",
      name: "chat",
      gpuType: "A100",
      gpusPerReplica: 1,
      replicas: 2,
      currentClusterIds: ["aws"],
      sloP95Ms: null,
      residency: [],
      artifactGb: 20,
    },
    {
      id: "rank",
      name: "rank",
      gpuType: "A100",
      gpusPerReplica: 2,
      replicas: 1,
      currentClusterIds: ["gcp"],
      sloP95Ms: null,
      residency: [],
      artifactGb: 20,
    },
  ],
  clusters: [
    {
      id: "aws",
      name: "aws",
      cloud: "aws",
      residency: [],
      currency: "USD",
      egressPerGb: 0.09,
      gpus: [{ gpuType: "A100", free: 0, pricePerGpuHour: 3, p95Ms: 100 }],
    },
    {
      id: "gcp",
      name: "gcp",
      cloud: "gcp",
      residency: [],
      currency: "USD",
      egressPerGb: 0.08,
      gpus: [{ gpuType: "A100", free: 0, pricePerGpuHour: 3, p95Ms: 100 }],
    },
    {
      id: "azure",
      name: "azure",
      cloud: "azure",
      residency: [],
      currency: "USD",
      egressPerGb: 0.08,
      gpus: [{ gpuType: "A100", free: 2, pricePerGpuHour: 3, p95Ms: 100 }],
    },
  ],
  options: { ...DEFAULT_PLACEMENT_OPTIONS, currency: "USD", equivalence: { A100: 1, L4: 0.35 } },
};

describe("what-if re-solves", () => {
  it("keeps everything in place when nothing is cheaper", async () => {
    const plan = await solvePlacement(base, { solver });
    expect(plan.moves).toEqual([]);
    expect(plan.savingsPerMonth).toBe(0);
  });

  it("a price drop on azure moves one of the two deployments there (room for one)", async () => {
    const plan = await solvePlacement(
      applyWhatIf(base, { prices: [{ clusterId: "azure", gpuType: "A100", pricePerGpuHour: 1 }] }),
      { solver },
    );
    expect(plan.moves).toHaveLength(1);
    expect(plan.moves[0]).toMatchObject({ to: { clusterId: "azure" }, reasons: ["price"] });
    expect(plan.savingsPerMonth).toBeCloseTo(2 * 2 * 730, 6);
    expect(plan.binding).toContainEqual(expect.objectContaining({ kind: "capacity", clusterId: "azure" }));
  });

  it("a removed cluster sends its deployment to the one with room, whatever the price", async () => {
    const plan = await solvePlacement(
      applyWhatIf(base, {
        removedClusterIds: ["gcp"],
        prices: [{ clusterId: "azure", gpuType: "A100", pricePerGpuHour: 5 }],
      }),
      { solver },
    );
    expect(plan.moves).toEqual([
      expect.objectContaining({ deploymentId: "rank", fromClusterIds: ["gcp"], reasons: ["excluded"] }),
    ]);
    expect(plan.savingsPerMonth).toBeLessThan(0);
  });

  it("added capacity lets both deployments take the cheaper price", async () => {
    const cheaper = applyWhatIf(base, { prices: [{ clusterId: "azure", gpuType: "A100", pricePerGpuHour: 1 }] });
    const plan = await solvePlacement(
      applyWhatIf(cheaper, { addedCapacity: [{ clusterId: "azure", gpuType: "A100", gpus: 2 }] }),
      { solver },
    );
    expect(plan.moves.map((m) => m.deploymentId).sort()).toEqual(["chat", "rank"]);
    // The what-if worked on a copy: the base problem is unchanged.
    expect(base.clusters[2]!.gpus[0]).toMatchObject({ free: 2, pricePerGpuHour: 3 });
  });

  it("capacity of a new GPU type is used through the equivalence table", async () => {
    const plan = await solvePlacement(
      applyWhatIf(base, {
        removedClusterIds: ["aws"],
        addedCapacity: [{ clusterId: "gcp", gpuType: "L4", gpus: 6, pricePerGpuHour: 0.5, p95Ms: 120 }],
      }),
      { solver },
    );
    // chat: 2 A100 replicas need ceil(2 / 0.35) = 6 L4, at 0.5 × 6 < 3 × 2 per hour.
    expect(plan.moves.map((m) => [m.deploymentId, m.to])).toEqual([
      ["chat", expect.objectContaining({ clusterId: "gcp", gpuType: "L4", replicas: 6, gpus: 6 })],
    ]);
  });
});
