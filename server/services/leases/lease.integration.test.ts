import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { acquireLease, releaseLease, renewLease, underLease, withLease } from "./lease";

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
    const result = await withLease(
      { prisma: db.prisma, name: "m:2", holder: "a", ttlMs: 150 },
      async (lease, signal) => {
        // Simulate a takeover: another holder steals the row while the work runs.
        await db.prisma.workerLease.update({
          where: { name: "m:2" },
          data: { holder: "b", fencing: lease.fencing + 1 },
        });
        await new Promise((r) => setTimeout(r, 200));
        return signal.aborted;
      },
    );
    expect(result).toEqual({ ran: true, value: true });
    expect((await db.prisma.workerLease.findUniqueOrThrow({ where: { name: "m:2" } })).holder).toBe("b");
  });

  it("underLease runs holders one at a time, and gives up after its wait", async () => {
    let inside = 0;
    let most = 0;
    const order: string[] = [];
    const work = (who: string) =>
      underLease(
        { prisma: db.prisma, name: "traffic:m", holder: who, ttlMs: 5000, waitMs: 10_000, pollMs: 20 },
        async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 60));
          order.push(who);
          inside--;
        },
      );
    await Promise.all(["a", "b", "c", "d"].map(work));
    expect(most).toBe(1);
    expect(order.sort()).toEqual(["a", "b", "c", "d"]);

    const held = await acquireLease({ prisma: db.prisma, name: "traffic:n", holder: "x", ttlMs: 5000 });
    expect(held).not.toBeNull();
    await expect(
      underLease({ prisma: db.prisma, name: "traffic:n", holder: "y", ttlMs: 5000, waitMs: 200, pollMs: 20 }, () =>
        Promise.resolve("ran"),
      ),
    ).rejects.toThrow(/lease traffic:n stayed held by another process/);
  });
});
