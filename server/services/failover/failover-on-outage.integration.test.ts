// Failover on the simulated demo fleet: the simulator's API-outage fault takes a cluster away, the status sync
// marks it unreachable, and the failover worker proposes moving what ran there to the best feasible cluster,
// through the same approval flow; with the team's policy set to start failovers, it is approved on creation,
// flagged and audited. Needs the prometheus binary (the harness' local Prometheus).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFleetHarness, until, type FleetHarness } from "../../test/fleet-harness";
import { startFailoverWorker, type FailoverWorker } from "../../workers/failover-worker";
import { FAILOVER_REQUESTER } from "./propose-failover";

let h: FleetHarness;
let worker: FailoverWorker;

beforeAll(async () => {
  // No migration worker: the proposals stay as the detector left them.
  h = await startFleetHarness({ rps: 4, migrationWorker: false, log: () => {} });
  worker = startFailoverWorker({
    prisma: h.db.prisma,
    prometheus: h.prometheus,
    graceMs: 0,
    tickMs: 3_600_000,
    leaseTtlMs: 20_000,
    log: (m) => console.log(`[failover] ${m}`),
  });
}, 180_000);

afterAll(async () => {
  worker?.stop();
  await h?.stop();
});

async function outage(cluster: string) {
  h.fleet.clusters.get(cluster)!.api.faults.outage = true;
  return until(
    `${cluster} to be marked unreachable`,
    () =>
      h.db.prisma.cluster.findFirst({
        where: { teamId: h.teamId, name: cluster, health: "UNREACHABLE" },
        select: { id: true },
      }),
    60_000,
  );
}

describe("failover on a simulated cluster outage", () => {
  it("proposes moving the deployments of an unreachable cluster, waiting for approval", async () => {
    const { prisma } = h.db;
    const source = await until(
      "credit-risk to run on aws-use1-gpu",
      () => prisma.deployment.findFirst({ where: { teamId: h.teamId, name: "credit-risk", phase: "Ready" } }),
      120_000,
    );
    // Healthy fleet: nothing to propose.
    expect(await worker.runOnce()).toBe(0);
    const down = await outage("aws-use1-gpu");
    expect(await worker.runOnce()).toBe(1);

    const m = await prisma.migration.findFirstOrThrow({
      where: { teamId: h.teamId, sourceDeploymentId: source.id },
      select: {
        id: true,
        state: true,
        trigger: true,
        approvalBypass: true,
        targetClusterId: true,
        requestedByEmail: true,
        reason: true,
      },
    });
    expect(m).toMatchObject({
      state: "PENDING_APPROVAL",
      trigger: "FAILOVER",
      approvalBypass: null,
      requestedByEmail: FAILOVER_REQUESTER.email,
    });
    expect(m.reason).toBe("failover: cluster aws-use1-gpu is unreachable");
    expect(m.targetClusterId).not.toBe(down.id);
    // The approvers hear of it, and /recommendations lists it.
    const note = await prisma.notification.findFirst({
      where: { teamId: h.teamId, kind: "migration.requested", migrationId: m.id },
    });
    expect(note).not.toBeNull();
    const viewer = await h.caller("VIEWER");
    const { items } = await viewer.recommendations.failoverProposals();
    expect(items.map((i) => [i.id, i.trigger, i.state])).toEqual([[m.id, "FAILOVER", "PENDING_APPROVAL"]]);

    // Proposed once: the next pass leaves it alone.
    expect(await worker.runOnce()).toBe(0);
    // Same approvals as any migration: an approver approves Tern's request.
    const approver = await h.caller("APPROVER");
    const detail = await approver.migration.get({ id: m.id });
    expect(detail.can.approve).toBe(true);
    await approver.approval.approve({ migrationId: m.id, planHash: detail.planHash });
    expect((await prisma.migration.findUniqueOrThrow({ where: { id: m.id } })).state).toBe("APPROVED");
  }, 240_000);

  it("starts the migration at once where the team's policy allows it, flagged and audited", async () => {
    const { prisma } = h.db;
    const admin = await h.caller("ADMIN");
    await admin.approval.savePolicy({ ...(await admin.approval.policy()), failoverAutoStart: true });
    const source = await until(
      "sentiment to run on gcp-euw4-gpu",
      () => prisma.deployment.findFirst({ where: { teamId: h.teamId, name: "sentiment", phase: "Ready" } }),
      120_000,
    );
    await outage("gcp-euw4-gpu");
    expect(await worker.runOnce()).toBe(1);
    const m = await prisma.migration.findFirstOrThrow({
      where: { teamId: h.teamId, sourceDeploymentId: source.id },
      select: { id: true, state: true, trigger: true, approvalBypass: true, bypassReason: true },
    });
    expect(m).toMatchObject({
      state: "APPROVED",
      trigger: "FAILOVER",
      approvalBypass: "FAILOVER_POLICY",
      bypassReason: "failover: cluster gcp-euw4-gpu is unreachable",
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { teamId: h.teamId, action: "failover.autoStart", targetId: m.id, outcome: "SUCCESS" },
    });
    expect(audit).not.toBeNull();
    const list = await (await h.caller("VIEWER")).migration.list({});
    expect(list.items.find((i) => i.id === m.id)?.bypass?.kind).toBe("FAILOVER_POLICY");
  }, 240_000);
});
