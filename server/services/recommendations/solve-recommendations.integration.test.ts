// The team's fleet as a placement problem: catalog prices and free GPUs from the database, team-scoped, solved and requested.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { addCheapPool } from "../../test/cheap-pool";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;
let cheapId: string;

beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "alpha");
  b = await createTeamFixture(db.prisma, "beta");
  cheapId = await addCheapPool(db.prisma, a);
  // Team beta has a far cheaper cluster: it must never appear in alpha's plan.
  await db.prisma.cluster.update({
    where: { id: b.clusterId },
    data: { gpuCapacity: { H100: { allocatable: 8, allocated: 0 } } },
  });
  await db.prisma.gpuPrice.update({ where: { id: b.gpuPriceId }, data: { pricePerHour: 0.1 } });
});
afterAll(async () => db?.close());

describe("recommendations.solve", () => {
  it("keeps a deployment with an SLO off clusters whose latency is unknown, and explains why", async () => {
    const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    const plan = await viewer.recommendations.solve({ whatIf: { removedClusterIds: [a.clusterId] } });
    expect(plan.status).toBe("infeasible");
    expect(plan.conflicts[0]!.message).toBe(
      `d-alpha no cluster can take it: c-alpha is excluded; cheap has no p95 data for H100 (allow unknown latency to consider it)`,
    );
  });

  it("proposes the cheaper cluster of the same team, with the saving per month", async () => {
    const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    const plan = await viewer.recommendations.solve({ allowUnknownLatency: true });
    expect(plan.status).toBe("optimal");
    expect(plan.currency).toBe("USD");
    expect(plan.moves).toEqual([
      expect.objectContaining({ deploymentName: "d-alpha", fromClusterIds: [a.clusterId], reasons: ["price"] }),
    ]);
    expect(plan.moves[0]!.to.clusterId).toBe(cheapId);
    expect(plan.savingsPerMonth).toBeCloseTo((2.5 - 1.5) * 730, 6);
    expect(plan.clusters.map((c) => c.id).sort()).toEqual([a.clusterId, cheapId].sort());
  });

  it("refuses another team's cluster in a what-if", async () => {
    const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    await expect(viewer.recommendations.solve({ excludedClusterIds: [b.clusterId] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("turns a move into a migration request through request-migration, reporting a refusal per move", async () => {
    const operator = await callerAs(db.prisma, a.users.OPERATOR, a.teamId);
    const deployment = await db.prisma.deployment.findFirstOrThrow({
      where: { teamId: a.teamId },
      select: { id: true },
    });
    const before = await db.prisma.migration.count({ where: { teamId: a.teamId } });
    const { results } = await operator.recommendations.requestMoves({
      moves: [
        { deploymentId: deployment.id, targetClusterId: cheapId, targetGpuType: "H100" },
        { deploymentId: deployment.id, targetClusterId: b.clusterId, targetGpuType: "H100" },
      ],
    });
    expect(results).toHaveLength(2);
    // The second names another team's cluster: refused by the migration service, not by this one.
    expect(results[1]).toMatchObject({
      ok: false,
      migrationId: null,
      error: expect.stringMatching(/not found/) as unknown,
    });
    // The fixture has no object store, golden set or traffic router: the Migrations service refuses the plan, in its words.
    expect(results[0]).toMatchObject({ ok: false, migrationId: null });
    expect(results[0]!.error).toMatch(
      /^the migration plan was refused: cloud 'gcp-alpha' has no object store configured/,
    );
    expect(await db.prisma.migration.count({ where: { teamId: a.teamId } })).toBe(before);
  });
});
