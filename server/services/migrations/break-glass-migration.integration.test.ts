// Break-glass: who may start a pending migration without approval (admins only, while the policy allows it),
// that every attempt is audited, and that a started one carries the flag on its page and in the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "../../test/fixtures";
import { createMigrationScenario, requestScenarioMigration } from "../../test/migration-scenario";
import { codeOf } from "../../test/trpc-code";
import { createTestDb, type TestDb } from "../../test/test-db";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

const REASON = "aws-use1 is down and credit-risk serves nothing";

describe("break-glass", () => {
  it("is refused to every role below admin, and each refusal is audited", async () => {
    const s = await createMigrationScenario(db.prisma, "bg1");
    const m = await requestScenarioMigration(db.prisma, s);
    for (const role of ["VIEWER", "OPERATOR", "APPROVER"] as const) {
      const caller = await callerAs(db.prisma, s.users[role], s.teamId);
      expect(await codeOf(caller.migration.breakGlass({ id: m.id, reason: REASON })), role).toBe("FORBIDDEN");
      const detail = await caller.migration.get({ id: m.id });
      expect(detail.can.breakGlass, role).toBe(false);
    }
    const row = await db.prisma.migration.findUniqueOrThrow({ where: { id: m.id } });
    expect(row).toMatchObject({ state: "PENDING_APPROVAL", approvalBypass: null, bypassedById: null });
    const denied = await db.prisma.auditEvent.findMany({
      where: { teamId: s.teamId, action: "migration.breakGlass", outcome: "DENIED" },
      select: { actorEmail: true },
    });
    expect(denied.map((d) => d.actorEmail).sort()).toEqual(
      [s.users.VIEWER.email, s.users.OPERATOR.email, s.users.APPROVER.email].sort(),
    );
  });

  it("is refused to an admin when the team's policy turns it off", async () => {
    const s = await createMigrationScenario(db.prisma, "bg2");
    const m = await requestScenarioMigration(db.prisma, s);
    const admin = await callerAs(db.prisma, s.users.ADMIN, s.teamId);
    const policy = await admin.approval.policy();
    await admin.approval.savePolicy({ ...policy, allowBreakGlass: false });
    expect((await admin.migration.get({ id: m.id })).can.breakGlass).toBe(false);
    await expect(admin.migration.breakGlass({ id: m.id, reason: REASON })).rejects.toThrow(
      /break-glass is turned off in the team's approval policy/,
    );
    expect((await db.prisma.migration.findUniqueOrThrow({ where: { id: m.id } })).state).toBe("PENDING_APPROVAL");
  });

  it("lets an admin start it without approvers, with a reason, flagged in the page and the list and audited", async () => {
    const s = await createMigrationScenario(db.prisma, "bg3");
    const m = await requestScenarioMigration(db.prisma, s);
    const admin = await callerAs(db.prisma, s.users.ADMIN, s.teamId);
    expect((await admin.migration.get({ id: m.id })).can.breakGlass).toBe(true);
    // A reason is required, and a bad request changes nothing.
    expect(await codeOf(admin.migration.breakGlass({ id: m.id, reason: "now" }))).toBe("BAD_REQUEST");
    expect(await admin.migration.breakGlass({ id: m.id, reason: REASON })).toEqual({ id: m.id, state: "APPROVED" });

    const detail = await admin.migration.get({ id: m.id });
    expect(detail.state).toBe("APPROVED");
    expect(detail.approvals).toBe(0);
    expect(detail.bypass).toMatchObject({ kind: "BREAK_GLASS", byEmail: s.users.ADMIN.email, reason: REASON });
    expect(detail.can.breakGlass).toBe(false);
    const viewer = await callerAs(db.prisma, s.users.VIEWER, s.teamId);
    // The fixture's own migration row has a placeholder plan that no list can show.
    await db.prisma.migration.delete({ where: { id: s.migrationId } });
    const list = await viewer.migration.list({});
    expect(list.items.find((i) => i.id === m.id)?.bypass?.kind).toBe("BREAK_GLASS");

    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { teamId: s.teamId, action: "migration.breakGlass", outcome: "SUCCESS" },
      select: { actorEmail: true, targetId: true, details: true },
    });
    expect(audit.actorEmail).toBe(s.users.ADMIN.email);
    expect(audit.targetId).toBe(m.id);
    expect(JSON.stringify(audit.details)).toContain(REASON);
    const note = await db.prisma.notification.findFirstOrThrow({
      where: { teamId: s.teamId, kind: "migration.break-glass" },
      select: { title: true, migrationId: true },
    });
    expect(note).toMatchObject({ migrationId: m.id });
    expect(note.title).toMatch(/^BREAK-GLASS: /);
    // Only a migration that waits for approval can be broken into; a second call is refused.
    expect(await codeOf(admin.migration.breakGlass({ id: m.id, reason: REASON }))).toBe("PRECONDITION_FAILED");
  });

  it("never reaches another team's migration", async () => {
    const s = await createMigrationScenario(db.prisma, "bg4");
    const other = await createMigrationScenario(db.prisma, "bg5");
    const m = await requestScenarioMigration(db.prisma, other);
    const admin = await callerAs(db.prisma, s.users.ADMIN, s.teamId);
    expect(await codeOf(admin.migration.breakGlass({ id: m.id, reason: REASON }))).toBe("NOT_FOUND");
    expect((await db.prisma.migration.findUniqueOrThrow({ where: { id: m.id } })).state).toBe("PENDING_APPROVAL");
  });
});
