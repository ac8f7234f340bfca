// A fresh, migrated database for a benchmark run: PGlite in memory, or a throwaway database on a server.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { applyMigrations, pgExecutor } from "../../prisma/migrate.ts";
import { PrismaPg } from "@prisma/adapter-pg";
import { createPrisma, type PrismaClient } from "../db.ts";
import { PrismaClient as Client } from "../generated/prisma/client.ts";

export interface BenchDb {
  label: string;
  /** The database's URL on a server (for other processes); undefined when embedded. */
  url?: string;
  prisma: PrismaClient;
  /** Runs SQL directly on the driver, bypassing Prisma and tRPC (the reference). */
  sql: (text: string, params: unknown[]) => Promise<unknown[]>;
  close: () => Promise<void>;
}

export async function openBenchDb(serverUrl?: string): Promise<BenchDb> {
  if (!serverUrl) {
    const pglite = await PGlite.create();
    await applyMigrations(pglite);
    const { prisma, close } = createPrisma({ pglite });
    return {
      label: "embedded PGlite",
      prisma,
      sql: async (text, params) => (await pglite.query(text, params)).rows,
      close: async () => {
        await close();
        await pglite.close();
      },
    };
  }
  const name = `tern_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  await applyMigrations(pgExecutor(migrator));
  await migrator.end();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // Dropping the database WITH (FORCE) ends idle connections the pools have not closed yet.
  pool.on("error", () => {});
  // Prisma gets its own pool that this module ends before dropping the database.
  const prismaPool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  prismaPool.on("error", () => {});
  const prisma = new Client({ adapter: new PrismaPg(prismaPool) });
  return {
    label: `PostgreSQL server (${url.host})`,
    url: url.toString(),
    prisma,
    sql: async (text, params) => (await pool.query<Record<string, unknown>>(text, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      await prismaPool.end();
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
