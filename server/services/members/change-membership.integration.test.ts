import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    await expect(admin.team.setRole({ userId: team.users.ADMIN.id, role: "VIEWER" })).rejects.toThrow(
      /at least one admin/,
    );
    await expect(admin.team.removeMember({ userId: team.users.ADMIN.id })).rejects.toThrow(/at least one admin/);
    await admin.team.setRole({ userId: team.users.OPERATOR.id, role: "APPROVER" });
    const { members } = await admin.team.members();
    expect(members.find((m) => m.id === team.users.OPERATOR.id)?.role).toBe("APPROVER");
  });

  it("turns an invite into a membership only when its link is accepted by that address", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    const inv = await admin.team.invite({ email: "Later@Example.com", role: "OPERATOR" });
    expect(inv.inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const u = await db.prisma.user.create({ data: { email: "later@example.com", name: "Later" } });
    const later = await callerAs(db.prisma, { id: u.id, email: u.email }, team.teamId);
    expect((await later.me.session()).team).toBeNull();
    const token = inv.inviteUrl.split("/").pop()!;
    expect(await later.invite.accept({ token })).toMatchObject({ teamId: team.teamId, role: "OPERATOR" });
    const joined = await callerAs(db.prisma, { id: u.id, email: u.email });
    expect((await joined.me.session()).team).toMatchObject({ id: team.teamId, role: "OPERATOR" });
    expect((await admin.team.members()).invites.some((i) => i.email === "later@example.com")).toBe(false);
    await expect(admin.team.invite({ email: "later@example.com", role: "VIEWER" })).rejects.toThrow(/already a member/);
  });
});
