// The change feed on a PostgreSQL server: a change published here is NOTIFYed, another replica's notice reaches
// this process's listeners (an embed revocation drops the cached link at once), this process's own notices are
// not heard twice, and the listener comes back after its connection is killed. Skipped without TEST_DATABASE_URL.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createEmbedToken } from "../../embeds/embed-token";
import { env } from "../../env";
import { createEmptyDb, type EmptyDb } from "../../test/test-db";
import { resolveEmbedLink } from "../embeds/resolve-embed-link";
import { onChange, publishChange, type Change } from "./change-bus";
import { CHANGE_CHANNEL, encodeChanges, startChangeFeed, type ChangeFeed } from "./change-feed";

const serverUrl = env().TEST_DATABASE_URL;

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(!serverUrl)("change feed over LISTEN/NOTIFY", () => {
  let db: EmptyDb;
  let url: string;
  let feed: ChangeFeed;
  let other: pg.Client;
  const logs: string[] = [];
  const notices: string[] = [];

  beforeAll(async () => {
    db = await createEmptyDb();
    if (!("databaseUrl" in db.connect)) throw new Error("expected a server database");
    url = db.connect.databaseUrl;
    feed = startChangeFeed({ databaseUrl: url, log: (_l, m) => logs.push(m) });
    await feed.ready;
    // Stands in for another replica.
    other = new pg.Client({ connectionString: url });
    await other.connect();
    other.on("notification", (m) => notices.push(m.payload ?? ""));
    await other.query(`LISTEN ${CHANGE_CHANNEL}`);
  });
  afterAll(async () => {
    await other?.end();
    await feed?.stop();
    await db?.close();
  });

  const notifyFromOther = (changes: Change[]) =>
    Promise.all(
      encodeChanges(changes, "another-replica").map((p) =>
        other.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, p]),
      ),
    );

  it("NOTIFYs a change published here, once, and hears its listeners only once", async () => {
    const heard: Change[] = [];
    const off = onChange("deployment", (c) => heard.push(c));
    try {
      publishChange({ kind: "deployment", teamId: "t1", id: "d1", reason: "spec" });
      await until("the notice on the other connection", () => notices.some((n) => n.includes('"d1"')));
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([{ kind: "deployment", teamId: "t1", id: "d1", reason: "spec" }]);
    } finally {
      off();
    }
  });

  it("drops a cached embed link at once when another replica revokes it", async () => {
    const token = createEmbedToken();
    const row = {
      id: "link-1",
      teamId: "t1",
      deploymentId: "d1",
      metric: "latency",
      rangeMinutes: 60,
      live: true,
      title: "t",
      tokenHash: token.hash,
      createdAt: new Date("2026-01-01"),
      expiresAt: new Date("2099-01-01"),
      revokedAt: null as Date | null,
      team: { embedOrigins: [] },
    };
    const prisma = { embedLink: { findUnique: () => Promise.resolve({ ...row }) } } as unknown as PrismaClient;
    const now = new Date();
    expect(await resolveEmbedLink({ prisma, token: token.token, now })).not.toBeNull();
    row.revokedAt = now; // revoked in the database by another replica; this one still has it cached
    expect(await resolveEmbedLink({ prisma, token: token.token, now })).not.toBeNull();
    await notifyFromOther([{ kind: "embed", teamId: "t1", id: "link-1", reason: "revoked" }]);
    await until(
      "the revocation applied here",
      async () => (await resolveEmbedLink({ prisma, token: token.token, now })) === null,
    );
  });

  it("listens again after its connection is killed, with backoff", async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const killed = await admin.query<{ n: string }>(
        `SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid() AND pid <> $1`,
        [(other as unknown as { processID: number }).processID],
      );
      expect(killed.rows[0]!.n).toBe("1");
    } finally {
      await admin.end();
    }
    await until("the reconnect logged", () => logs.some((m) => m.includes("listening again")));
    const heard: Change[] = [];
    const off = onChange("migration", (c) => heard.push(c));
    try {
      await notifyFromOther([{ kind: "migration", teamId: "t1", id: "m1", reason: "state" }]);
      await until("a notice after the reconnect", () => heard.length === 1);
    } finally {
      off();
    }
  });
});
