// Item 6: a failed audit write was swallowed while the mutation committed, so changes went unaudited.
// Now a mutation's audit row is written before it runs: if that fails, nothing changes and the caller is
// told; if recording the outcome fails, the caller gets an error and the row stays PENDING. Team joins and
// auth events (sign-in, failed sign-in, sign-out) are audited too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../test/fixtures";
import { authPost, signIn, signUp, startHarness } from "../test/http-harness";

let db: TestDb;
let team: TeamFixture;
beforeAll(async () => {
  db = await startHarness();
  team = await createTeamFixture(db.prisma, "integrity");
  await db.prisma.$executeRawUnsafe(
    `CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql`,
  );
});
afterAll(async () => db?.close());

const breakAudit = (op: "INSERT" | "UPDATE") =>
  db.prisma.$executeRawUnsafe(
    `CREATE TRIGGER audit_down BEFORE ${op} ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_down()`,
  );
const repairAudit = () => db.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS audit_down ON "AuditEvent"`);

describe("audit integrity", () => {
  it("makes no change when the audit row cannot be written, and says so", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    await breakAudit("INSERT");
    try {
      await expect(op.cloud.create({ provider: "GCP", name: "unaudited" })).rejects.toThrow(
        /the audit log could not be written, so nothing was changed; try again \(request [\w-]+\)/,
      );
    } finally {
      await repairAudit();
    }
    expect(await db.prisma.cloud.count({ where: { name: "unaudited" } })).toBe(0);
    await op.cloud.create({ provider: "GCP", name: "audited" });
    const row = await db.prisma.auditEvent.findFirst({
      where: { action: "cloud.create", teamId: team.teamId },
      orderBy: { createdAt: "desc" },
    });
    expect(row?.outcome).toBe("SUCCESS");
    expect(row?.targetId).toBeTruthy();
  });

  it("answers with an error and leaves the row PENDING when the outcome cannot be recorded", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    await breakAudit("UPDATE");
    try {
      await expect(op.cloud.create({ provider: "AZURE", name: "half-audited" })).rejects.toThrow(
        /its audit outcome could not be recorded/,
      );
    } finally {
      await repairAudit();
    }
    const row = await db.prisma.auditEvent.findFirst({
      where: { action: "cloud.create", details: { path: ["input", "name"], equals: "half-audited" } },
    });
    expect(row?.outcome).toBe("PENDING");
  });

  it("audits failed sign-ins, sign-ins and sign-outs", async () => {
    const cookie = await signUp("carol@integrity.test", "carol-password-1", { peer: "198.51.100.20" });
    expect((await signIn("carol@integrity.test", "not-her-password", { peer: "198.51.100.21" })).status).toBe(401);
    const out = await authPost("/sign-out", {}, { peer: "198.51.100.20", cookie });
    expect(out.status).toBe(200);
    const rows = await db.prisma.auditEvent.findMany({
      where: { actorEmail: "carol@integrity.test" },
      orderBy: { createdAt: "asc" },
      select: { action: true, outcome: true, ip: true },
    });
    expect(rows).toEqual([
      { action: "auth.sign-in", outcome: "SUCCESS", ip: "198.51.100.20" },
      { action: "auth.sign-in", outcome: "DENIED", ip: "198.51.100.21" },
      { action: "auth.sign-out", outcome: "SUCCESS", ip: "198.51.100.20" },
    ]);
  });
});
