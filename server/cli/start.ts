// `npm start`: the whole product on embedded defaults — database, migrations, demo data, the simulated
// clouds, the app. Builds once if there is no build yet; Ctrl-C stops everything it started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEMO_USERS } from "../dev-tools/demo/demo-users.ts";
import { childEnv, env as readEnv, type Env } from "../env.ts";
import { prepareDatabase } from "./prepare-database.ts";
import { startLocalAlertmanager } from "./start-alertmanager.ts";
import { startLocalPrometheus } from "./start-prometheus.ts";
import { LOCAL_CLUSTER_SCRAPE_SECONDS } from "../dev-tools/local-prometheus/prometheus-config.ts";
import { startSim } from "./start-sim.ts";
import { errorMessage } from "../domain/error-message.ts";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const env = ((): Env => {
  try {
    return readEnv();
  } catch (e) {
    console.error(`[tern] ${errorMessage(e)}`);
    process.exit(1);
  }
})();
const port = String(env.PORT);
const dataDir = path.resolve(env.TERN_DATA_DIR);
const databaseUrl = env.DATABASE_URL || undefined;
const dev = process.argv.includes("--dev");
// The simulator is the demo fleet of embedded mode; TERN_SIM=off leaves it out.
const withSim = !databaseUrl && env.TERN_SIM !== "off";
const log = (m: string) => console.log(`[tern] ${m}`);
const children: ChildProcess[] = [];
const stopping: (() => Promise<void>)[] = [];
const prometheusPort = env.TERN_PROMETHEUS_PORT;

async function main() {
  const t0 = Date.now();
  if (!dev && (!existsSync(path.join(root, ".next/BUILD_ID")) || env.TERN_REBUILD === "1")) {
    log("no build yet: building the app once (about a minute)…");
    const r = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: childEnv({ NODE_ENV: "production" }),
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  if (withSim) {
    log("starting the simulated clouds…");
    children.push(await startSim({ root, dataDir, log }));
  }
  log(
    databaseUrl
      ? "database: PostgreSQL server from DATABASE_URL"
      : `database: embedded PostgreSQL (PGlite) in ${dataDir}`,
  );
  const prepared = await prepareDatabase({ databaseUrl, dataDir, withFleet: withSim, log });
  const seeded = prepared.seeded;
  if (!databaseUrl) {
    log(seeded ? "demo data seeded. Demo users (team 'Demo'):" : "demo users (team 'Demo'):");
    for (const u of DEMO_USERS) log(`  ${u.role.padEnd(8)} ${u.email.padEnd(28)} password: ${u.password}`);
  }

  let prometheusUrl = env.TERN_PROMETHEUS_URL;
  let alertmanagerUrl = env.TERN_ALERTMANAGER_URL;
  let rulesDir = env.TERN_PROMETHEUS_RULES_DIR;
  if (!prometheusUrl && !databaseUrl && env.TERN_PROMETHEUS !== "off") {
    const am =
      env.TERN_ALERTMANAGER === "off" || alertmanagerUrl
        ? null
        : await startLocalAlertmanager({ dataDir, port: env.TERN_ALERTMANAGER_PORT, appPort: port, log });
    if (am) {
      alertmanagerUrl = am.url;
      stopping.push(() => am.stop());
    }
    const prom = await startLocalPrometheus({
      ...(am ? { alertmanager: new URL(am.url).host } : {}),
      dataDir,
      port: prometheusPort,
      appPort: port,
      withFleet: withSim,
      ...("ternMetrics" in prepared ? { ternMetrics: prepared.ternMetrics, clusterIds: prepared.clusterIds } : {}),
      log,
    }).catch((e: unknown) => {
      log(`Prometheus did not start, so charts are off: ${errorMessage(e)}`);
      return null;
    });
    if (prom) {
      prometheusUrl = prom.url;
      rulesDir ??= path.join(dataDir, "prometheus", "rules");
      stopping.push(() => prom.stop());
    }
  }

  const next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: childEnv({
      NODE_ENV: dev ? "development" : "production",
      TERN_DATA_DIR: dataDir,
      ...(prometheusUrl ? { TERN_PROMETHEUS_URL: prometheusUrl } : {}),
      ...(alertmanagerUrl ? { TERN_ALERTMANAGER_URL: alertmanagerUrl } : {}),
      ...(rulesDir ? { TERN_PROMETHEUS_RULES_DIR: rulesDir } : {}),
      // The local Prometheus scrapes the clusters every second (its backfilled history is coarser, hence the chart setting).
      ...(prometheusUrl && !env.TERN_PROMETHEUS_URL
        ? { TERN_PROMETHEUS_LIVE_SCRAPE_SECONDS: String(LOCAL_CLUSTER_SCRAPE_SECONDS) }
        : {}),
    }),
  });
  children.push(next);
  next.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("Ready"))
      log(`Tern is ready on http://localhost:${port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  });
  next.on("exit", (code) => {
    for (const c of children) if (c !== next && c.exitCode === null) c.kill("SIGTERM");
    void Promise.allSettled(stopping.map((s) => s())).then(() => process.exit(code ?? 0));
  });
}

function stop(sig: NodeJS.Signals) {
  log(`stopping (${sig})…`);
  for (const c of children) if (c.exitCode === null) c.kill(sig);
  if (children.length === 0) void Promise.allSettled(stopping.map((s) => s())).then(() => process.exit(0));
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

main().catch((e: unknown) => {
  console.error(`[tern] could not start: ${errorMessage(e)}`);
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  process.exit(1);
});
