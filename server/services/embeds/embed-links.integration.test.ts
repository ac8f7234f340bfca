// Creating, listing and revoking embed links through the API: expiry bounds, team scoping, origins, and the
// token never reaching the database or the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../embeds/embed-token";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";
import { codeOf } from "../../test/trpc-code";
import { MAX_EXPIRY_DAYS } from "../../validation/embed";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "alpha");
  b = await createTeamFixture(db.prisma, "beta");
});
afterAll(async () => db?.close());

const input = (over: Record<string, unknown> = {}) => ({
  deploymentId: a.deploymentId,
  metric: "latency" as const,
  rangeMinutes: 60,
  live: true,
  ...over,
});

describe("embed.create", () => {
  it("returns a 256-bit token once and stores only its hash, scoped to that chart", async () => {
    const op = await callerAs(db.prisma, a.users.OPERATOR, a.teamId);
    const before = Date.now();
    const made = await op.embed.create(input({ metric: "errors", rangeMinutes: 1440 }));
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.embedPath).toBe(`/embed/${made.token}`);
    expect(made.svgPath).toBe(`/api/embed/${made.token}/svg`);
    expect(made.title).toBe("d-alpha · Errors · last 24 h");
    const row = await db.prisma.embedLink.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({
      teamId: a.teamId,
      deploymentId: a.deploymentId,
      metric: "errors",
      rangeMinutes: 1440,
      live: true,
      createdById: a.users.OPERATOR.id,
    });
    expect(row.tokenHash).toBe(hashToken(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token);
    // 30 days by default.
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * DAY - 5_000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(30 * DAY + 5_000);
  });

  it("never writes the token to the audit log, which names the link it made", async () => {
    const op = await callerAs(db.prisma, a.users.OPERATOR, a.teamId);
    const made = await op.embed.create(input({ title: "Fraud p95 for the wiki" }));
    const events = await db.prisma.auditEvent.findMany({ where: { action: "embed.create" } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.find((e) => e.targetId === made.id)?.outcome).toBe("SUCCESS");
    for (const e of await db.prisma.auditEvent.findMany()) expect(JSON.stringify(e)).not.toContain(made.token);
  });

  it("accepts 1 to 90 days of validity and refuses anything else without creating a link", async () => {
    const op = await callerAs(db.prisma, a.users.OPERATOR, a.teamId);
    const longest = await op.embed.create(input({ expiresInDays: MAX_EXPIRY_DAYS }));
    expect(longest.expiresAt.getTime() - Date.now()).toBeGreaterThan(89.9 * DAY);
    expect(longest.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(90 * DAY);
    const count = await db.prisma.embedLink.count();
    for (const expiresInDays of [91, 365, 0, -1, 1.5]) {
      expect(await codeOf(op.embed.create(input({ expiresInDays }))), `${expiresInDays} days`).toBe("BAD_REQUEST");
    }
    for (const bad of [
      { rangeMinutes: 61 },
      { rangeMinutes: 43_200 * 2 },
      { metric: "gpu" },
      { title: "x".repeat(101) },
    ]) {
      expect(await codeOf(op.embed.create(input(bad))), JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await db.prisma.embedLink.count()).toBe(count);
  });

  it("refuses another team's deployment as not found", async () => {
    const op = await callerAs(db.prisma, a.users.OPERATOR, a.teamId);
    expect(await codeOf(op.embed.create(input({ deploymentId: b.deploymentId })))).toBe("NOT_FOUND");
  });
});

describe("embed.list and embed.revoke", () => {
  it("lists the team's links only, with creator and status, for viewers too", async () => {
    const op = await callerAs(db.prisma, b.users.OPERATOR, b.teamId);
    const made = await op.embed.create({
      deploymentId: b.deploymentId,
      metric: "cost",
      rangeMinutes: 10_080,
      live: false,
    });
    await db.prisma.embedLink.create({
      data: {
        teamId: b.teamId,
        deploymentId: b.deploymentId,
        metric: "requests",
        rangeMinutes: 60,
        title: "old one",
        tokenHash: "e".repeat(64),
        createdById: "someone-who-left",
        expiresAt: new Date(Date.now() - DAY),
      },
    });
    const viewer = await callerAs(db.prisma, b.users.VIEWER, b.teamId);
    const page = await viewer.embed.list({});
    expect(page.items.every((l) => l.deployment.id === b.deploymentId)).toBe(true);
    const mine = page.items.find((l) => l.id === made.id)!;
    expect(mine).toMatchObject({
      status: "active",
      live: false,
      metric: "cost",
      createdBy: { email: b.users.OPERATOR.email },
    });
    expect(page.items.find((l) => l.title === "old one")).toMatchObject({ status: "expired", createdBy: null });
    expect(JSON.stringify(page)).not.toContain(made.token);

    expect((await viewer.embed.list({ status: "expired" })).items.map((l) => l.title)).toEqual(["old one"]);
    const active = await viewer.embed.list({ status: "active" });
    expect(active.items.some((l) => l.id === made.id)).toBe(true);
    expect(active.items.every((l) => l.status === "active")).toBe(true);
  });

  it("revokes once (a second revoke keeps the first time) and only within the team", async () => {
    const op = await callerAs(db.prisma, a.users.OPERATOR, a.teamId);
    const made = await op.embed.create(input());
    const first = await op.embed.revoke({ id: made.id });
    const again = await op.embed.revoke({ id: made.id });
    expect(again.revokedAt).toEqual(first.revokedAt);
    const listed = await op.embed.list({ status: "revoked" });
    expect(listed.items.map((l) => l.id)).toContain(made.id);

    const other = await callerAs(db.prisma, b.users.ADMIN, b.teamId);
    expect(await codeOf(other.embed.revoke({ id: a.embedLinkId }))).toBe("NOT_FOUND");
    expect((await db.prisma.embedLink.findUniqueOrThrow({ where: { id: a.embedLinkId } })).revokedAt).toBeNull();
  });
});

describe("embed.origins and embed.setOrigins", () => {
  it("stores https origins normalised and deduplicated", async () => {
    const admin = await callerAs(db.prisma, a.users.ADMIN, a.teamId);
    expect(await admin.embed.origins()).toEqual({ origins: [] });
    const saved = await admin.embed.setOrigins({
      origins: [
        "https://wiki.example.com/",
        "HTTPS://Wiki.Example.com:443",
        "http://localhost:8090",
        "https://docs.example.org:8443",
      ],
    });
    expect(saved.origins).toEqual([
      "https://wiki.example.com",
      "http://localhost:8090",
      "https://docs.example.org:8443",
    ]);
    expect(await admin.embed.origins()).toEqual(saved);
    await expect((await callerAs(db.prisma, b.users.ADMIN, b.teamId)).embed.origins()).resolves.toEqual({
      origins: [],
    });
  });

  it("refuses anything that is not an https origin and keeps the old list", async () => {
    const admin = await callerAs(db.prisma, a.users.ADMIN, a.teamId);
    const before = await admin.embed.origins();
    for (const bad of [
      "http://wiki.example.com",
      "https://*.example.com",
      "https://wiki.example.com/page",
      "https://wiki.example.com?x=1",
      "https://user:pw@wiki.example.com",
      "wiki.example.com",
      "javascript:alert(1)",
      "https://a.example.com; script-src *",
      "'self'",
      "*",
    ]) {
      expect(await codeOf(admin.embed.setOrigins({ origins: [bad] })), bad).toBe("BAD_REQUEST");
    }
    const many = Array.from({ length: 21 }, (_, i) => `https://w${i}.example.com`);
    expect(await codeOf(admin.embed.setOrigins({ origins: many }))).toBe("BAD_REQUEST");
    expect(await admin.embed.origins()).toEqual(before);
  });
});
