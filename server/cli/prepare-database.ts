// Applies migrations and, in embedded mode only, seeds the demo data on an empty database.
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, pgExecutor } from "../../prisma/migrate.ts";
import { createPrisma, pgliteDataDir } from "../db.ts";
import { seedDemo } from "../demo/seed-demo.ts";

export async function prepareDatabase(opts: { databaseUrl?: string; dataDir: string; log: (m: string) => void }) {
  if (opts.databaseUrl) {
    const client = new pg.Client({ connectionString: opts.databaseUrl });
    await client.connect();
    try {
      await applyMigrations(pgExecutor(client), { log: opts.log });
    } finally {
      await client.end();
    }
    return { seeded: false };
  }
  const pglite = new PGlite(pgliteDataDir(opts.dataDir));
  try {
    await applyMigrations(pglite, { log: opts.log });
    const { prisma, close } = createPrisma({ pglite });
    try {
      return await seedDemo({ prisma });
    } finally {
      await close();
    }
  } finally {
    await pglite.close();
  }
}
