// Item 1: guessing an invited address must not join its team. Before the fix, signing up as the invited
// email made you a member at once (even ADMIN); now only the invite link, accepted by the signed-in owner
// of that address, does; sign-up joins nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../test/fixtures";
import { signUp, startHarness, trpcHttp } from "../test/http-harness";

let db: TestDb;
let team: TeamFixture;
beforeAll(async () => {
  db = await startHarness();
  team = await createTeamFixture(db.prisma, "victim");
});
afterAll(async () => db?.close());

const memberships = (email: string) =>
  db.prisma.membership.findMany({ where: { user: { email } }, select: { teamId: true, role: true } });
const tokenOf = (url: string) => url.split("/").pop()!;

describe("invite takeover", () => {
  it("signing up with an invited address joins no team", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    await admin.team.invite({ email: "new-admin@victim.test", role: "ADMIN" });
    // The attack: an outsider guesses the invited address and signs up with it.
    const cookie = await signUp("new-admin@victim.test", "attacker-password-1");
    expect(await memberships("new-admin@victim.test")).toEqual([]);
    const session = await trpcHttp("me.session", undefined, { cookie });
    expect(JSON.stringify(session.body)).not.toContain(team.teamId);
  });

  it("accepts the link only for the invited address, once, before it expires", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    const inv = await admin.team.invite({ email: "ana@victim.test", role: "OPERATOR" });
    const token = tokenOf(inv.inviteUrl);
    expect(await db.prisma.invite.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    // Someone else who got hold of the link cannot use it.
    const mallory = await signUp("mallory@evil.test", "mallory-password-1");
    const stolen = await trpcHttp("invite.accept", { token }, { cookie: mallory, mutation: true });
    expect(stolen.status).toBe(403);
    expect(stolen.text).toContain("this invite is for ana@victim.test, but you are signed in as mallory@evil.test");
    expect(await memberships("mallory@evil.test")).toEqual([]);

    // The invited person signs up (joins nothing yet), opens the link and accepts.
    const ana = await signUp("Ana@Victim.test", "ana-password-123");
    expect(await memberships("ana@victim.test")).toEqual([]);
    const preview = await trpcHttp("invite.preview", { token });
    expect(preview.text).toContain("Team victim");
    const ok = await trpcHttp("invite.accept", { token }, { cookie: ana, mutation: true });
    expect(ok.status).toBe(200);
    expect(await memberships("ana@victim.test")).toEqual([{ teamId: team.teamId, role: "OPERATOR" }]);
    const join = await db.prisma.auditEvent.findFirst({
      where: { action: "team.join", teamId: team.teamId, actorEmail: "ana@victim.test" },
    });
    expect(join?.outcome).toBe("SUCCESS");

    // Single use.
    const again = await trpcHttp("invite.accept", { token }, { cookie: ana, mutation: true });
    expect(again.status).toBe(409);
    expect(again.text).toContain("already used");
  });

  it("refuses an expired link with a message that says what to do", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    const inv = await admin.team.invite({ email: "late@victim.test", role: "VIEWER" });
    await db.prisma.invite.update({ where: { id: inv.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await signUp("late@victim.test", "late-password-12");
    const res = await trpcHttp("invite.accept", { token: tokenOf(inv.inviteUrl) }, { cookie: late, mutation: true });
    expect(res.status).toBe(412);
    expect(res.text).toContain("ask the team admin to invite you again");
    expect(await memberships("late@victim.test")).toEqual([]);
  });

  it("answers the same for addresses with and without an account, and adds nobody at once", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    const other = await createTeamFixture(db.prisma, "elsewhere");
    const existing = await admin.team.invite({ email: other.users.VIEWER.email, role: "VIEWER" });
    const unknown = await admin.team.invite({ email: "nobody@nowhere.test", role: "VIEWER" });
    expect(Object.keys(existing).sort()).toEqual(Object.keys(unknown).sort());
    expect(existing).not.toHaveProperty("status");
    expect((await memberships(other.users.VIEWER.email)).map((m) => m.teamId)).not.toContain(team.teamId);
    const { invites } = await admin.team.members();
    expect(invites.map((i) => i.email)).toEqual(
      expect.arrayContaining([other.users.VIEWER.email, "nobody@nowhere.test"]),
    );
    await admin.team.revokeInvite({ id: unknown.id });
    const viewer = await callerAs(db.prisma, { id: "x", email: "nobody@nowhere.test" });
    await expect(viewer.invite.accept({ token: tokenOf(unknown.inviteUrl) })).rejects.toThrow(
      /not valid or was revoked/,
    );
  });
});
