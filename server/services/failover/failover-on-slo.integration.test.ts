// Failover on a breached SLO: a deployment whose p95 over the policy's last N minutes is above its SLO is proposed
// for a move to another cluster, through the approvals; one within its SLO is left alone. Prometheus is a fake
// that answers the latency histogram the test chooses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakePrometheus } from "../../test/fake-prometheus";
import { createMigrationScenario, type MigrationScenario } from "../../test/migration-scenario";
import { createTestDb, type TestDb } from "../../test/test-db";
import { proposeFailovers } from "./propose-failover";

let db: TestDb;
let s: MigrationScenario;
beforeAll(async () => {
  db = await createTestDb();
  s = await createMigrationScenario(db.prisma, "slo");
  await db.prisma.approvalPolicy.create({ data: { teamId: s.teamId, failoverSloMinutes: 7 } });
  // The fixture's placeholder migration is not active: it does not hold the deployment.
  await db.prisma.migration.update({ where: { id: s.migrationId }, data: { activeDeploymentId: null } });
  await db.prisma.cluster.update({
    where: { id: s.clusterId },
    data: { health: "HEALTHY", gpuCapacity: { H100: { allocatable: 4, allocated: 1 } } },
  });
}, 180_000);
afterAll(async () => db?.close());

/** Cumulative bucket counts (le in seconds) of the fixture deployment's latency histogram. */
function prometheusWith(buckets: [string, number][]) {
  return fakePrometheus((q) => {
    if (q.includes("gpu_type")) return [];
    if (q.includes("_bucket"))
      return buckets.map(([le, n]) => ({
        metric: { tern_cluster_id: s.clusterId, namespace: "models", deployment: "d-slo", le },
        value: () => n,
      }));
    return [{ metric: { tern_cluster_id: s.clusterId, namespace: "models", deployment: "d-slo" }, value: () => 5 }];
  });
}

describe("failover on a breached SLO", () => {
  it("leaves a deployment within its SLO alone", async () => {
    const prom = prometheusWith([
      ["0.05", 90],
      ["0.1", 100],
      ["+Inf", 100],
    ]);
    const out = await proposeFailovers({
      prisma: db.prisma,
      teamId: s.teamId,
      prometheus: { defaultUrl: "http://prometheus.test", fetch: prom.fetch },
    });
    expect(out).toEqual([]);
    // The policy's window, not the live one.
    expect(prom.calls.some((c) => c.query.includes("[7m]"))).toBe(true);
  });

  it("proposes moving a deployment whose p95 over the window is above its SLO", async () => {
    const prom = prometheusWith([
      ["0.1", 0],
      ["0.25", 10],
      ["0.5", 100],
      ["+Inf", 100],
    ]);
    const out = await proposeFailovers({
      prisma: db.prisma,
      teamId: s.teamId,
      prometheus: { defaultUrl: "http://prometheus.test", fetch: prom.fetch },
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ deploymentId: s.deploymentId, cause: "slo", started: false, error: null });
    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id: out[0]!.migrationId! } });
    expect(m).toMatchObject({ state: "PENDING_APPROVAL", trigger: "FAILOVER", targetClusterId: s.targetClusterId });
    expect(m.reason).toMatch(/^failover: p95 4\d\d ms over the last 7 min is above the 200 ms SLO on c-slo$/);
    // Proposed once: the same breach a moment later proposes nothing new.
    expect(
      await proposeFailovers({
        prisma: db.prisma,
        teamId: s.teamId,
        prometheus: { defaultUrl: "http://prometheus.test", fetch: prom.fetch },
      }),
    ).toEqual([]);
  });
});
