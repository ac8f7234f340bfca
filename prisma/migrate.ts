// Applies prisma/migrations with Prisma's own bookkeeping, because `prisma migrate deploy` needs a
// native engine we cannot download. CLI: `tsx prisma/migrate.ts` (DATABASE_URL, else embedded PGlite).
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { env } from "../server/env.ts";

/** The little a migration needs from a connection; a PGlite instance satisfies it as is. */
export interface SqlExecutor {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<unknown>;
  /** True when other processes may migrate the same database, so a lock is needed. */
  readonly shared?: boolean;
}

export interface ApplyMigrationsOptions {
  /** Defaults to this folder's `migrations`. */
  migrationsDir?: string;
  log?: (message: string) => void;
}

// Not `new URL("./migrations", import.meta.url)`: bundlers take that for an asset import.
export const DEFAULT_MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Same key as Prisma's schema engine, so this runner and a stock `prisma migrate deploy` exclude
// each other too.
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's exact DDL: a stock Prisma reading this database must find the table it expects.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Wraps one pg connection (not a pool: the advisory lock and the transaction live on a session). */
export function pgExecutor(client: pg.ClientBase): SqlExecutor {
  return {
    shared: true,
    query: async <Row>(sql: string, params?: unknown[]) => {
      const result = await client.query(sql, params);
      return { rows: result.rows as Row[] };
    },
    exec: (sql: string) => client.query(sql),
  };
}

export interface MigrationFolder {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's checksum: sha256 hex of the migration.sql bytes. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Migration folders in the order Prisma applies them (by name, i.e. by timestamp). */
export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFolder[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = await readFile(file, "utf8").catch((error: unknown) => {
        throw new Error(`migration folder ${name} has no readable migration.sql (${file})`, {
          cause: error,
        });
      });
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

// Also accept the file after git rewrote its line endings (core.autocrlf) on another machine.
function checksumMatches(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => migrationChecksum(variant) === checksum);
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(
  db: SqlExecutor,
  opts: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(opts.migrationsDir);
  if (db.shared) await db.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const done = await appliedMigrations(db, migrations);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await applyOne(db, migration);
      opts.log?.(`applied ${migration.name}`);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    if (db.shared) await db.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}

// Reads the history and refuses to go on when it disagrees with the folders on disk.
async function appliedMigrations(db: SqlExecutor, migrations: MigrationFolder[]): Promise<Set<string>> {
  const { rows } = await db.query<AppliedRow>(
    `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations"
     WHERE "rolled_back_at" IS NULL ORDER BY "started_at"`,
  );
  const onDisk = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new Error(
        `migration ${row.migration_name} failed earlier and was left half-applied; repair the ` +
          `database, then mark it rolled back (prisma migrate resolve --rolled-back ` +
          `${row.migration_name}) before migrating again`,
      );
    }
    const local = onDisk.get(row.migration_name);
    if (!local) {
      // An older build against a newer database would silently miss columns: stop instead.
      throw new Error(
        `the database has migration ${row.migration_name}, which is not in the migrations ` +
          `folder; deploy a build that contains it`,
      );
    }
    if (!checksumMatches(local.sql, row.checksum)) {
      throw new Error(
        `migration ${row.migration_name} was edited after it was applied (checksum ` +
          `${row.checksum} in the database, ${local.checksum} on disk); restore the applied ` +
          `migration.sql and put the change in a new migration`,
      );
    }
  }
  return new Set(rows.map((r) => r.migration_name));
}

// One transaction per migration, so a failure leaves no half-applied schema and no history row.
// (Prisma itself does not wrap migrations; statements that refuse a transaction, such as
// CREATE INDEX CONCURRENTLY, cannot be used in our migrations.)
async function applyOne(db: SqlExecutor, migration: MigrationFolder): Promise<void> {
  await db.exec("BEGIN");
  try {
    await db.exec(migration.sql);
    await db.query(
      `INSERT INTO "_prisma_migrations"
         ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${migration.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}

async function main(): Promise<void> {
  const log = (message: string) => console.log(message);
  const url = env().DATABASE_URL;
  let result: { applied: string[] };
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      result = await applyMigrations(pgExecutor(client), { log });
    } finally {
      await client.end();
    }
  } else {
    const dataDir = path.resolve(env().TERN_DATA_DIR, "pgdata");
    await mkdir(path.dirname(dataDir), { recursive: true });
    const pglite = await PGlite.create({ dataDir });
    try {
      result = await applyMigrations(pglite, { log });
    } finally {
      await pglite.close();
    }
  }
  const where = url ? "the PostgreSQL server" : "the embedded database";
  console.log(
    result.applied.length === 0
      ? `${where} is up to date`
      : `applied ${result.applied.length} migration(s) to ${where}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
