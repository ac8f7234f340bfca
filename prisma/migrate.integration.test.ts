// The migration runner, on PGlite or (TEST_DATABASE_URL) a PostgreSQL server.
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmptyDb, type EmptyDb } from "@/server/test/test-db.ts";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, pgExecutor, readMigrations } from "./migrate.ts";

describe("applyMigrations", () => {
  let db: EmptyDb;
  let dir: string;
  beforeEach(async () => {
    db = await createEmptyDb();
    dir = await mkdtemp(path.join(os.tmpdir(), "tern-migrations-"));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("applies every migration once and records it as Prisma does", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.executor)).toEqual({ applied: names });
    expect(await applyMigrations(db.executor)).toEqual({ applied: [] });
    const { rows } = await db.executor.query<{
      migration_name: string;
      checksum: string;
      steps: number;
    }>(
      `SELECT "migration_name", "checksum", "applied_steps_count" AS steps FROM "_prisma_migrations"
       WHERE "finished_at" IS NOT NULL ORDER BY "migration_name"`,
    );
    const local = await readMigrations();
    expect(rows).toEqual(
      local.map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        steps: 1,
      })),
    );
  });

  it("refuses a migration edited after it was applied", async () => {
    await applyMigrations(db.executor, { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    await appendFile(path.join(dir, first!.name, "migration.sql"), "\n-- edited\n");
    await expect(applyMigrations(db.executor, { migrationsDir: dir })).rejects.toThrow(
      `migration ${first!.name} was edited after it was applied`,
    );
  });

  it("refuses a failed migration left by Prisma and one missing from the folder", async () => {
    await applyMigrations(db.executor, { migrationsDir: dir });
    const record = (name: string, finished: string) =>
      db.executor.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "finished_at")
         VALUES ($1, 'x', $1, ${finished})`,
        [name],
      );
    await record("99990101000000_gone", "now()");
    await expect(applyMigrations(db.executor, { migrationsDir: dir })).rejects.toThrow(
      "the database has migration 99990101000000_gone, which is not in the migrations folder",
    );
    await db.executor.query(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '99990101000000_gone'`);
    await record("99990101000000_failed", "NULL");
    await expect(applyMigrations(db.executor, { migrationsDir: dir })).rejects.toThrow(
      "migration 99990101000000_failed failed earlier",
    );
  });

  it("accepts an applied migration whose line endings git rewrote", async () => {
    await applyMigrations(db.executor, { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    const file = path.join(dir, first!.name, "migration.sql");
    await writeFile(file, first!.sql.replace(/\n/g, "\r\n"));
    expect(await applyMigrations(db.executor, { migrationsDir: dir })).toEqual({ applied: [] });
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    await applyMigrations(db.executor, { migrationsDir: dir });
    const bad = path.join(dir, "99990101000000_bad");
    await mkdir(bad);
    await writeFile(path.join(bad, "migration.sql"), `CREATE TABLE "Half" ("id" TEXT);\nSELECT nope;\n`);
    await expect(applyMigrations(db.executor, { migrationsDir: dir })).rejects.toThrow(
      "migration 99990101000000_bad failed and was rolled back",
    );
    const half = await db.executor.query(`SELECT to_regclass('"Half"') AS t`);
    expect(half.rows).toEqual([{ t: null }]);
    const recorded = await db.executor.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = '99990101000000_bad'`,
    );
    expect(recorded.rows).toHaveLength(0);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("lets only one of two processes migrate", async () => {
    const { connect } = db;
    if (!("databaseUrl" in connect)) throw new Error("expected a server database");
    // Two sessions racing: without the advisory lock both would run CREATE TYPE and one fail.
    const clients = [0, 1].map(() => new pg.Client({ connectionString: connect.databaseUrl }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const results = await Promise.all(clients.map((c) => applyMigrations(pgExecutor(c))));
      const names = (await readMigrations()).map((m) => m.name);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
