import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { acquireLease, releaseLease, renewLease, withLease } from "./lease";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe("leases", () => {
  it("has one holder at a time, renews for the holder and fences a takeover after expiry", async () => {
    const a = await acquireLease({ prisma: db.prisma, name: "sync:c1", holder: "a", ttlMs: 1500 });
    expect(a?.fencing).toBe(1);
    expect(await acquireLease({ prisma: db.prisma, name: "sync:c1", holder: "b", ttlMs: 1500 })).toBeNull();
    expect((await acquireLease({ prisma: db.prisma, name: "sync:c1", holder: "a", ttlMs: 1500 }))?.fencing).toBe(1);
    await new Promise((r) => setTimeout(r, 1600));
    const b = await acquireLease({ prisma: db.prisma, name: "sync:c1", holder: "b", ttlMs: 1500 });
    expect(b?.fencing).toBe(2);
    await releaseLease({ prisma: db.prisma, name: "sync:c1", holder: "b" });
    // Fencing never restarts: a release keeps the row, so the next holder gets a larger token.
    expect((await acquireLease({ prisma: db.prisma, name: "sync:c1", holder: "c", ttlMs: 1500 }))?.fencing).toBe(3);
    await releaseLease({ prisma: db.prisma, name: "sync:c1", holder: "c" });
    expect((await acquireLease({ prisma: db.prisma, name: "sync:c1", holder: "c", ttlMs: 1500 }))?.fencing).toBe(4);
  });

  it("renews only for the current holder and token", async () => {
    const a = await acquireLease({ prisma: db.prisma, name: "m:1", holder: "a", ttlMs: 300 });
    expect(a).not.toBeNull();
    expect(await renewLease({ prisma: db.prisma, lease: a!, ttlMs: 300 })).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    const b = await acquireLease({ prisma: db.prisma, name: "m:1", holder: "b", ttlMs: 5000 });
    expect(b?.fencing).toBe(a!.fencing + 1);
    // The paused old holder wakes up: its renewal is refused and it must stop.
    expect(await renewLease({ prisma: db.prisma, lease: a!, ttlMs: 300 })).toBe(false);
  });

  it("withLease aborts the work's signal when the lease is taken over", async () => {
    const result = await withLease({ prisma: db.prisma, name: "m:2", holder: "a", ttlMs: 150 }, async (lease, signal) => {
      // Simulate a takeover: another holder steals the row while the work runs.
      await db.prisma.workerLease.update({ where: { name: "m:2" }, data: { holder: "b", fencing: lease.fencing + 1 } });
      await new Promise((r) => setTimeout(r, 200));
      return signal.aborted;
    });
    expect(result).toEqual({ ran: true, value: true });
    expect((await db.prisma.workerLease.findUniqueOrThrow({ where: { name: "m:2" } })).holder).toBe("b");
  });
});
