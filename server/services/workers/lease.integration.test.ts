import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { acquireLease, releaseLease } from "./lease";

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
    expect((await acquireLease({ prisma: db.prisma, name: "sync:c1", holder: "c", ttlMs: 1500 }))?.fencing).toBe(1);
  });
});
