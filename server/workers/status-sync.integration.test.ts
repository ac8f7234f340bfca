// Issue 9: stopping the status sync must not leave a rejected promise behind when releasing its leases fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test/test-db";
import { createTeamFixture } from "../test/fixtures";
import { startStatusSync } from "./status-sync";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await createTeamFixture(db.prisma, "stop");
});
afterAll(async () => db?.close());

describe("status sync stop()", () => {
  it("resolves and logs when its leases cannot be released", async () => {
    const logs: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const sync = startStatusSync({ prisma: db.prisma, log: (m) => logs.push(m), holder: "stop-test" });
      const deadline = Date.now() + 10_000;
      const syncLeases = () => db.prisma.workerLease.count({ where: { name: { startsWith: "sync:" } } });
      while ((await syncLeases()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await syncLeases()).toBe(1);
      // Releasing the lease now fails (as when the database is gone during shutdown).
      await db.prisma.$executeRawUnsafe(`ALTER TABLE "WorkerLease" RENAME TO "WorkerLeaseGone"`);
      await sync.stop();
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
      expect(logs.some((m) => m.startsWith("status sync could not stop cleanly"))).toBe(true);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
