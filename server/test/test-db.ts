// A fresh database per integration test: in-memory PGlite, or a throwaway database on the
// PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { applyMigrations, pgExecutor, type SqlExecutor } from "../../prisma/migrate.ts";
import { createPrisma, type CreatePrismaOptions, type PrismaHandle } from "../db.ts";
import { env } from "../env.ts";

export interface TestDb extends PrismaHandle {
  /** The database's URL when it is on a PostgreSQL server (another process can open it); null for PGlite. */
  databaseUrl: string | null;
}

export interface EmptyDb {
  /** A raw connection to the new database. */
  executor: SqlExecutor;
  /** How to open Prisma (or more connections) on the same database. */
  connect: { pglite: PGlite } | { databaseUrl: string };
  close: () => Promise<void>;
}

/** A fresh database with every migration applied, and a Prisma client on it. */
export async function createTestDb(): Promise<TestDb> {
  const db = await createEmptyDb();
  try {
    await applyMigrations(db.executor);
  } catch (error) {
    await db.close();
    throw error;
  }
  const { prisma, close } = createPrisma(db.connect satisfies CreatePrismaOptions);
  return {
    prisma,
    databaseUrl: "databaseUrl" in db.connect ? db.connect.databaseUrl : null,
    close: async () => {
      await close();
      await db.close();
    },
  };
}

/** A fresh database with nothing in it (for testing the migrations themselves). */
export async function createEmptyDb(): Promise<EmptyDb> {
  const serverUrl = env().TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = await PGlite.create();
    return {
      executor: pglite,
      connect: { pglite },
      close: () => pglite.close(),
    };
  }
  const name = `tern_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  // FORCE (PostgreSQL 13+) ends connections a failed test may have left open.
  const drop = () => withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    executor: pgExecutor(client),
    connect: { databaseUrl: url.toString() },
    close: async () => {
      await client.end();
      await drop();
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
