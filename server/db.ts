// The Prisma client factory: a PostgreSQL server when a URL is given, else embedded PGlite.
// No "server-only" import: tsx scripts and Vitest load this module too.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
// Relative, not "@/…": plain tsx scripts load this module without the path alias.
import { PrismaClient } from "./generated/prisma/client.ts";
import { env } from "./env.ts";

export type { PrismaClient };

export interface CreatePrismaOptions {
  /** postgres:// or postgresql:// URL of a server; wins over dataDir. */
  databaseUrl?: string;
  /** Folder holding the embedded database (in `<dataDir>/pgdata`); defaults to ".tern". */
  dataDir?: string;
  /** An open PGlite to use as is (tests); the caller keeps ownership and closes it. */
  pglite?: PGlite;
}

export interface PrismaHandle {
  prisma: PrismaClient;
  /** Disconnects Prisma and closes the embedded database if this handle opened it. */
  close: () => Promise<void>;
}

/** Where the embedded database lives; PGlite does not create parent folders, so this does. */
export function pgliteDataDir(dataDir: string): string {
  const dir = path.resolve(dataDir, "pgdata");
  mkdirSync(path.dirname(dir), { recursive: true });
  return dir;
}

export function createPrisma(opts: CreatePrismaOptions = {}): PrismaHandle {
  if (opts.pglite) {
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(opts.pglite) });
    return { prisma, close: () => prisma.$disconnect() };
  }
  if (opts.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
      throw new Error(
        `DATABASE_URL must be a postgres:// or postgresql:// URL (got '${redact(opts.databaseUrl)}'); ` +
          `unset it to use the embedded database`,
      );
    }
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: opts.databaseUrl }),
    });
    return { prisma, close: () => prisma.$disconnect() };
  }
  const pglite = new PGlite(pgliteDataDir(opts.dataDir ?? ".tern"));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// Keep passwords out of error messages and logs.
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

// On globalThis because Next.js can evaluate this module in several bundles of one process, and a
// PGlite data directory admits a single open instance per process.
const GLOBAL_KEY = Symbol.for("tern.prisma");
type GlobalWithPrisma = typeof globalThis & { [GLOBAL_KEY]?: PrismaHandle };

/** The process-wide client, configured from DATABASE_URL or TERN_DATA_DIR. */
export function getPrisma(): PrismaClient {
  const store = globalThis as GlobalWithPrisma;
  store[GLOBAL_KEY] ??= createPrisma({
    databaseUrl: env().DATABASE_URL || undefined,
    dataDir: env().TERN_DATA_DIR || undefined,
  });
  return store[GLOBAL_KEY].prisma;
}

/** Closes the process-wide client (shutdown hooks, scripts); the next getPrisma() reopens. */
export async function closePrisma(): Promise<void> {
  const store = globalThis as GlobalWithPrisma;
  const handle = store[GLOBAL_KEY];
  delete store[GLOBAL_KEY];
  await handle?.close();
}
