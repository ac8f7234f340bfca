// Item 7: the current team fell back to the alphabetically first membership, so any team named "0-…" that
// added you became your default. Now the team chosen in the switcher is remembered on the server, and
// without a choice the oldest membership wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../test/test-db";
import { createTestDb } from "../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../test/fixtures";

let db: TestDb;
let home: TeamFixture;
beforeAll(async () => {
  db = await createTestDb();
  home = await createTeamFixture(db.prisma, "zz-home");
});
afterAll(async () => db?.close());

describe("default team", () => {
  it("keeps the oldest membership when a team named to sort first adds you", async () => {
    const me = home.users.OPERATOR;
    const lure = await db.prisma.team.create({ data: { name: "0-lure", slug: "0-lure" } });
    await db.prisma.membership.create({ data: { teamId: lure.id, userId: me.id, role: "ADMIN" } });
    const session = await (await callerAs(db.prisma, me)).me.session();
    expect(session.team?.id).toBe(home.teamId);
    expect(session.teams.map((t) => t.id)).toEqual([home.teamId, lure.id]);
  });

  it("remembers the team chosen in the switcher, on the server, for every browser", async () => {
    const me = home.users.VIEWER;
    const other = await db.prisma.team.create({ data: { name: "Other", slug: "other" } });
    await db.prisma.membership.create({ data: { teamId: other.id, userId: me.id, role: "VIEWER" } });
    await (await callerAs(db.prisma, me)).me.setTeam({ teamId: other.id });
    // A new request (another browser: no team header, no cookie) opens in the chosen team.
    expect((await (await callerAs(db.prisma, me)).me.session()).team?.id).toBe(other.id);
    // A team the user has left is not used.
    await db.prisma.membership.deleteMany({ where: { teamId: other.id, userId: me.id } });
    expect((await (await callerAs(db.prisma, me)).me.session()).team?.id).toBe(home.teamId);
  });

  it("refuses to remember a team the user does not belong to, with a clear message", async () => {
    const stranger = await db.prisma.team.create({ data: { name: "Stranger", slug: "stranger" } });
    const caller = await callerAs(db.prisma, home.users.ADMIN);
    await expect(caller.me.setTeam({ teamId: stranger.id })).rejects.toThrow(
      /that team was not found among your teams/,
    );
    expect((await caller.me.session()).team?.id).toBe(home.teamId);
  });
});
