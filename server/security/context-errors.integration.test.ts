// Item 9 (first point): when building a request's context failed (the database down), the database
// error, with host names and SQL, reached the browser. Now the browser gets "internal error (request <id>)"
// and only the server log has the detail.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDb } from "../test/test-db";
import { createPrisma } from "../db";
import { signUp, startHarness, trpcHttp } from "../test/http-harness";

let db: TestDb;
let cookie: string;
const KEY = Symbol.for("tern.prisma");
beforeAll(async () => {
  db = await startHarness();
  cookie = await signUp("dora@context.test", "dora-password-1");
});
afterAll(async () => {
  (globalThis as Record<symbol, unknown>)[KEY] = db;
  await db?.close();
});

describe("context errors", () => {
  it("masks a database failure during context creation and logs the detail with the request id", async () => {
    // The database goes away: every query fails with a connection error naming host and port.
    const down = createPrisma({ databaseUrl: "postgresql://tern:hunter2@127.0.0.1:9/tern" });
    (globalThis as Record<symbol, unknown>)[KEY] = down;
    const logged = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const res = await trpcHttp("me.session", undefined, {
        cookie,
        extraHeaders: { "x-request-id": "req-ctx-12345" },
      });
      expect(res.status).toBe(500);
      expect(res.text).toContain("internal error (request req-ctx-12345)");
      for (const leak of ["127.0.0.1", "ECONNREFUSED", "hunter2", "prisma", ".ts:", "node_modules"])
        expect(res.text).not.toContain(leak);
      const lines = logged.mock.calls.map((c) => String(c[0]));
      expect(lines.some((l) => l.includes("req-ctx-12345") && l.includes("context creation failed"))).toBe(true);
    } finally {
      logged.mockRestore();
      (globalThis as Record<symbol, unknown>)[KEY] = db;
      await down.close();
    }
    // With the database back the same request works.
    const ok = await trpcHttp("me.session", undefined, { cookie });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("dora@context.test");
  });
});
