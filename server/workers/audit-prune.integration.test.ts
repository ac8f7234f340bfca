// The daily prune deletes audit events and resolved alerts past their retention, and keeps firing alerts however old.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test/test-db";
import { createTeamFixture, type TeamFixture } from "../test/fixtures";
import { env, resetEnv } from "../env";
import { startAuditPrune } from "./audit-prune";

const DAY = 86_400_000;
let db: TestDb;
let team: TeamFixture;
beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "prune");
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  delete process.env.TERN_ALERT_RETENTION_DAYS;
  resetEnv();
});

async function alert(
  fingerprint: string,
  status: "FIRING" | "RESOLVED",
  startedDaysAgo: number,
  endedDaysAgo?: number,
) {
  const now = Date.now();
  return db.prisma.alert.create({
    data: {
      teamId: team.teamId,
      deploymentId: team.deploymentId,
      fingerprint,
      name: "TernLatencySloBreach",
      severity: "warning",
      status,
      summary: "p95 above SLO",
      startsAt: new Date(now - startedDaysAgo * DAY),
      endsAt: endedDaysAgo === undefined ? null : new Date(now - endedDaysAgo * DAY),
    },
    select: { id: true },
  });
}

async function runPrune() {
  const logs: string[] = [];
  const prune = startAuditPrune({ prisma: db.prisma, log: (m) => logs.push(m), firstRunMs: 0 });
  await new Promise((r) => setTimeout(r, 20));
  await prune.settled();
  prune.stop();
  return logs;
}

describe("the daily prune", () => {
  it("deletes alerts resolved longer ago than TERN_ALERT_RETENTION_DAYS and keeps recent and firing ones", async () => {
    await db.prisma.alert.deleteMany({ where: { teamId: team.teamId } });
    const old = await alert("old-resolved", "RESOLVED", 40, 35);
    const recent = await alert("recent-resolved", "RESOLVED", 40, 10);
    const firing = await alert("old-firing", "FIRING", 90);
    process.env.TERN_ALERT_RETENTION_DAYS = "30";
    resetEnv();

    const logs = await runPrune();
    const left = (await db.prisma.alert.findMany({ where: { teamId: team.teamId }, select: { id: true } })).map(
      (a) => a.id,
    );
    expect(left.sort()).toEqual([recent.id, firing.id].sort());
    expect(left).not.toContain(old.id);
    expect(logs).toContain("alert prune: deleted 1 alerts resolved more than 30 days ago");

    // A shorter retention reaches the alert resolved 10 days ago; the firing one still stays.
    process.env.TERN_ALERT_RETENTION_DAYS = "7";
    resetEnv();
    await runPrune();
    expect(
      (await db.prisma.alert.findMany({ where: { teamId: team.teamId }, select: { id: true } })).map((a) => a.id),
    ).toEqual([firing.id]);
  });

  it("defaults to 30 days and refuses a retention that is not a whole number of days from 1 to 3650", () => {
    expect(env().TERN_ALERT_RETENTION_DAYS).toBe(30);
    for (const bad of ["0", "2.5", "days", "4000"]) {
      process.env.TERN_ALERT_RETENTION_DAYS = bad;
      resetEnv();
      expect(() => env()).toThrow(/TERN_ALERT_RETENTION_DAYS must be a whole number of days from 1 to 3650/);
    }
  });
});
