// Item 5: every refused call wrote an audit row, anonymous ones included, with no batch limit or retention:
// one HTTP request of 500 batched calls wrote 500 rows. Now a batch holds at most 20 calls, anonymous
// refusals are counted in one row per address and window, and old events are pruned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../test/test-db";
import { createTeamFixture } from "../test/fixtures";
import { pruneAuditEvents } from "../services/audit/prune-audit-events";
import { startHarness, trpcHttp } from "../test/http-harness";

let db: TestDb;
beforeAll(async () => {
  db = await startHarness();
  await createTeamFixture(db.prisma, "flood");
});
afterAll(async () => db?.close());

function batch(procedure: string, n: number) {
  const paths = Array.from({ length: n }, () => procedure).join(",");
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: {} }]));
  return { path: `${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}` };
}

async function getBatch(procedure: string, n: number, peer: string) {
  const { GET } = await import("../../app/api/trpc/[trpc]/route");
  const { PEER_HEADER, peerStamp } = await import("../auth/client-address");
  const res = await GET(
    new Request(`http://localhost:3000/api/trpc/${batch(procedure, n).path}`, {
      headers: { [PEER_HEADER]: peerStamp(peer) },
    }),
  );
  return { status: res.status, text: await res.text() };
}

describe("audit flooding", () => {
  it("refuses a batch of more than 20 calls as a whole, clearly, writing nothing", async () => {
    const before = await db.prisma.auditEvent.count();
    const res = await getBatch("cloud.list", 500, "203.0.113.7");
    expect(res.status).toBe(400);
    expect(res.text).toContain("a request may batch at most 20 calls");
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("counts anonymous refusals in one row per address and window", async () => {
    const before = await db.prisma.auditEvent.count();
    for (let i = 0; i < 5; i++) {
      const res = await getBatch("cloud.list", 20, "203.0.113.8");
      expect(res.text).toContain("sign in to continue");
    }
    await trpcHttp("cloud.create", { provider: "AWS", name: "x" }, { peer: "203.0.113.8", mutation: true });
    await getBatch("cloud.list", 3, "203.0.113.9");
    const rows = await db.prisma.auditEvent.findMany({ where: { action: "anonymous.refused" } });
    // One row per address (two if the test straddles a 15-minute window), however many calls.
    expect(await db.prisma.auditEvent.count()).toBeLessThanOrEqual(before + 4);
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.ip!] = (counts[r.ip!] ?? 0) + (r.details as { count: number }).count;
    expect(counts).toEqual({ "203.0.113.8": 101, "203.0.113.9": 3 });
    expect(rows.every((r) => r.outcome === "DENIED" && r.teamId === null)).toBe(true);
  });

  it("prunes events older than the retention period", async () => {
    await db.prisma.auditEvent.create({
      data: {
        action: "cloud.create",
        outcome: "SUCCESS",
        requestId: "old",
        createdAt: new Date(Date.now() - 401 * 86_400_000),
      },
    });
    await db.prisma.auditEvent.create({
      data: {
        action: "cloud.create",
        outcome: "SUCCESS",
        requestId: "recent",
        createdAt: new Date(Date.now() - 399 * 86_400_000),
      },
    });
    expect(await pruneAuditEvents({ prisma: db.prisma, retentionDays: 400 })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { requestId: "old" } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { requestId: "recent" } })).toBe(1);
  });
});
