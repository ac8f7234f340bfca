// Applies migrations and, in embedded mode only, seeds the demo data on an empty database and registers
// the simulated fleet (when it runs) in the demo team.
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, pgExecutor } from "../../prisma/migrate.ts";
import { createPrisma, pgliteDataDir } from "../db.ts";
import { seedDemo } from "../dev-tools/demo/seed-demo.ts";
import { registerSimFleet } from "../dev-tools/demo/register-sim-fleet.ts";
import { DEMO_FLEET_CONFIG, loadFleetConfig } from "@tern/sim/fleet-config";
import { loadTernMetricsInput } from "../services/metrics/export-tern-metrics.ts";

export async function prepareDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  withFleet: boolean;
  log: (m: string) => void;
}) {
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
      const fleetConfig = await loadFleetConfig(DEMO_FLEET_CONFIG);
      const { seeded, teamId } = await seedDemo({ prisma, modelHomes: fleetConfig.modelHomes });
      if (opts.withFleet && teamId) await registerSimFleet({ prisma, teamId, dataDir: opts.dataDir, log: opts.log });
      // The demo team's cluster ids by name: the local Prometheus labels each simulated cluster's series with its id.
      const clusters = teamId
        ? await prisma.cluster.findMany({ where: { teamId }, select: { id: true, name: true } })
        : [];
      const clusterIds = Object.fromEntries(clusters.map((c) => [c.name, c.id]));
      // Prices and deployments as Tern's /metrics exports them, for the local Prometheus's backfill.
      return { seeded, clusterIds, ternMetrics: await loadTernMetricsInput({ prisma }) };
    } finally {
      await close();
    }
  } finally {
    await pglite.close();
  }
}
