import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs } from "../../test/fixtures";
import { createMigrationScenario, requestScenarioMigration } from "../../test/migration-scenario";
import { codeOf } from "../../test/trpc-code";
import { createMigrationRunStore } from "../migrations/migration-run-store";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe("migration approvals", () => {
  it("refuses the requester, binds to the plan hash and counts a second approval by the same person once", async () => {
    const s = await createMigrationScenario(db.prisma, "ap1");
    await db.prisma.approvalPolicy.create({ data: { teamId: s.teamId, requiredApprovals: 2, elevatedApprovals: 2 } });
    const m = await requestScenarioMigration(db.prisma, s);
    expect(m.requiredApprovals).toBe(2);
    const admin = await callerAs(db.prisma, s.users.ADMIN, s.teamId);
    // The requester holds OPERATOR; give them APPROVER and they still cannot approve their own request.
    await db.prisma.membership.updateMany({
      where: { teamId: s.teamId, userId: s.users.OPERATOR.id },
      data: { role: "APPROVER" },
    });
    const self = await callerAs(db.prisma, s.users.OPERATOR, s.teamId);
    await expect(self.approval.approve({ migrationId: m.id, planHash: m.planHash })).rejects.toThrow(
      /you requested this migration/,
    );
    await expect(admin.approval.approve({ migrationId: m.id, planHash: "f".repeat(64) })).rejects.toThrow(
      /plan changed/,
    );
    const first = await admin.approval.approve({ migrationId: m.id, planHash: m.planHash });
    const again = await admin.approval.approve({ migrationId: m.id, planHash: m.planHash });
    expect([first.approvals, again.approvals, again.state]).toEqual([1, 1, "PENDING_APPROVAL"]);
    const approver = await callerAs(db.prisma, s.users.APPROVER, s.teamId);
    expect((await approver.approval.inbox()).items.map((i) => i.id)).toEqual([m.id]);
    expect((await approver.approval.count()).count).toBe(1);
    const done = await approver.approval.approve({ migrationId: m.id, planHash: m.planHash });
    expect(done).toMatchObject({ state: "APPROVED", approvals: 2 });
    expect((await approver.approval.count()).count).toBe(0);
  });

  it("two approvals racing at the threshold approve it exactly once", async () => {
    const s = await createMigrationScenario(db.prisma, "ap2");
    await db.prisma.approvalPolicy.create({ data: { teamId: s.teamId, requiredApprovals: 2, elevatedApprovals: 2 } });
    const m = await requestScenarioMigration(db.prisma, s);
    const [a, b] = await Promise.all([
      (await callerAs(db.prisma, s.users.ADMIN, s.teamId)).approval.approve({
        migrationId: m.id,
        planHash: m.planHash,
      }),
      (await callerAs(db.prisma, s.users.APPROVER, s.teamId)).approval.approve({
        migrationId: m.id,
        planHash: m.planHash,
      }),
    ]);
    expect([a.approvals, b.approvals].sort()).toEqual([1, 2]);
    const row = await db.prisma.migration.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.state).toBe("APPROVED");
    expect(await db.prisma.approval.count({ where: { migrationId: m.id } })).toBe(2);
  });

  it("rejecting needs a reason and ends the request; an expired request cannot be approved", async () => {
    const s = await createMigrationScenario(db.prisma, "ap3");
    const m = await requestScenarioMigration(db.prisma, s);
    const approver = await callerAs(db.prisma, s.users.APPROVER, s.teamId);
    expect(await codeOf(approver.approval.reject({ migrationId: m.id, planHash: m.planHash, reason: "" }))).toBe(
      "BAD_REQUEST",
    );
    await approver.approval.reject({
      migrationId: m.id,
      planHash: m.planHash,
      reason: "the target region is full next week",
    });
    const row = await db.prisma.migration.findUniqueOrThrow({ where: { id: m.id } });
    expect([row.state, row.activeDeploymentId, row.outcome]).toEqual([
      "REJECTED",
      null,
      expect.stringContaining("target region is full"),
    ]);

    const again = await requestScenarioMigration(db.prisma, s); // the deployment is free again once the first request ended
    await db.prisma.migration.update({ where: { id: again.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(approver.approval.approve({ migrationId: again.id, planHash: again.planHash })).rejects.toThrow(
      /expired/,
    );
    expect((await db.prisma.migration.findUniqueOrThrow({ where: { id: again.id } })).state).toBe("EXPIRED");
  });

  it("an approver who lost the role no longer counts when execution starts", async () => {
    const s = await createMigrationScenario(db.prisma, "ap4");
    const m = await requestScenarioMigration(db.prisma, s);
    await (
      await callerAs(db.prisma, s.users.APPROVER, s.teamId)
    ).approval.approve({ migrationId: m.id, planHash: m.planHash });
    await db.prisma.membership.updateMany({
      where: { teamId: s.teamId, userId: s.users.APPROVER.id },
      data: { role: "VIEWER" },
    });
    const store = createMigrationRunStore(db.prisma);
    const loaded = await store.load(m.id);
    const held = await store.approvalsHold(loaded!.migration);
    expect(held.ok).toBe(false);
    expect(held.message).toMatch(/no longer has the APPROVER role/);
  });

  it("20 concurrent requests for one deployment create exactly one migration", async () => {
    const s = await createMigrationScenario(db.prisma, "ap5");
    const results = await Promise.all(Array.from({ length: 20 }, () => codeOf(requestScenarioMigration(db.prisma, s))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(19);
    expect(
      await db.prisma.migration.count({
        where: { sourceDeploymentId: s.deploymentId, activeDeploymentId: { not: null } },
      }),
    ).toBe(1);
  });

  it("refuses a plan that fails a check, saying which, and stores nothing", async () => {
    const s = await createMigrationScenario(db.prisma, "ap6");
    await db.prisma.model.update({ where: { id: s.modelId }, data: { residencyTags: ["cn"] } });
    const before = await db.prisma.migration.count({ where: { teamId: s.teamId } });
    await expect(requestScenarioMigration(db.prisma, s)).rejects.toThrow(/may only run where data may live in cn/);
    expect(await db.prisma.migration.count({ where: { teamId: s.teamId } })).toBe(before);
  });
});
