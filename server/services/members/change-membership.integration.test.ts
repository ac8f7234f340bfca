import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvites } from "./accept-invites";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";

let db: TestDb;
let team: TeamFixture;
beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "mem");
});
afterAll(async () => db?.close());

describe("members", () => {
  it("never leaves a team without an admin", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    await expect(admin.team.setRole({ userId: team.users.ADMIN.id, role: "VIEWER" })).rejects.toThrow(/at least one admin/);
    await expect(admin.team.removeMember({ userId: team.users.ADMIN.id })).rejects.toThrow(/at least one admin/);
    await admin.team.setRole({ userId: team.users.OPERATOR.id, role: "APPROVER" });
    const { members } = await admin.team.members();
    expect(members.find((m) => m.id === team.users.OPERATOR.id)?.role).toBe("APPROVER");
  });

  it("adds existing users at once and turns invites into memberships at sign-up", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    expect((await admin.team.invite({ email: "Later@Example.com", role: "OPERATOR" })).status).toBe("invited");
    const u = await db.prisma.user.create({ data: { email: "later@example.com", name: "Later" } });
    expect(await acceptInvites({ prisma: db.prisma, userId: u.id, email: u.email })).toBe(1);
    const later = await callerAs(db.prisma, { id: u.id, email: u.email }, team.teamId);
    expect((await later.me.session()).team).toMatchObject({ id: team.teamId, role: "OPERATOR" });
    expect(await db.prisma.invite.count({ where: { email: "later@example.com" } })).toBe(0);
    await expect(admin.team.invite({ email: "later@example.com", role: "VIEWER" })).rejects.toThrow(/already a member/);
  });
});
