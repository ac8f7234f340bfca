// `npm run bench`: prints one line per figure (`name: value unit`, with a ratio against the reference
// run in the same process where there is one) and writes them to .tern/bench.json.
// Embedded PGlite always; a PostgreSQL server too when TERN_BENCH_DATABASE_URL (or DATABASE_URL) is set.
// Arguments select groups (`npm run bench -- migrations`): lists, sim, charts, artifacts, migrations, replicas,
// optimizer; none runs all (replicas only with a PostgreSQL server). `chart-data` runs charts without the SVG figures.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { runArtifactCopyBench } from "./artifact-copy-bench.ts";
import { openBenchDb } from "./bench-db.ts";
import { runChartsBench } from "./charts-bench.ts";
import { runClusterSyncBench } from "./cluster-sync-bench.ts";
import { runListBench, type Figure } from "./list-bench.ts";
import { runMigrationsBench } from "./migrations-bench.ts";
import { runReplicasBench } from "./replicas-bench.ts";
import { runOptimizerBench } from "./optimizer-bench.ts";
import { runSimListBench } from "./sim-list-bench.ts";
import { env } from "../env.ts";

process.env.TERN_ENCRYPTION_KEY ??= "0".repeat(64);

function print(prefix: string, f: Figure & { vs?: string }) {
  const ratio = f.ratio === undefined ? "" : ` (ratio ${f.ratio.toFixed(f.ratio < 0.1 ? 4 : 2)} vs ${f.vs ?? "sql"})`;
  console.log(`${prefix}${f.name}: ${f.value.toFixed(2)} ${f.unit}${ratio}`);
}

const GROUPS = ["lists", "sim", "charts", "chart-data", "artifacts", "migrations", "replicas", "optimizer"] as const;
const asked = process.argv.slice(2).filter((a) => a !== "--");
const unknown = asked.filter((a) => !(GROUPS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`unknown bench group ${unknown.join(", ")}; pick from ${GROUPS.join(", ")}`);
  process.exit(2);
}
const wants = (g: (typeof GROUPS)[number]) => (asked.length === 0 ? g !== "chart-data" : asked.includes(g));

async function main() {
  const all: Record<string, Figure[]> = {};
  if (wants("lists")) await runDbBenches(all);
  if (wants("sim")) {
    console.log("# simulator: GET /api/v1/pods over 5,000 pods, API server in its own process");
    all.sim = await runSimListBench();
    for (const f of all.sim) print("sim.", f);
  }
  if (wants("charts")) await runCharts(all, true);
  else if (wants("chart-data")) await runCharts(all, false);
  if (wants("artifacts")) {
    console.log(
      "# artifact copy: 1 GiB through the S3 path (GET piped to a verified PUT, store in its own process) vs cp + sync; goal: ratio <= 1.25",
    );
    all.artifacts = await runArtifactCopyBench();
    // One line: the S3 copy with its ratio to cp + sync (both times are in bench.json).
    print("", { ...all.artifacts.find((f) => f.ratio !== undefined)!, vs: "cp+sync" });
  }
  if (wants("migrations")) {
    console.log(
      "# migrations on the simulated demo fleet (in-process, local Prometheus, steady load 24 req/s per model); goals: migration.overhead <= 5 s, 0 dropped requests and 0 duplicate side effects over 20 concurrent migrations",
    );
    all.migrations = await runMigrationsBench();
  }
  if (wants("replicas")) await runReplicas(all);
  if (wants("optimizer")) {
    console.log(
      `# placement optimizer: 500 deployments × 40 clusters, tight capacity (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores); goals: proven_optimal <= 10 s, first_feasible <= 1000 ms, loop_lag.max <= 50 ms`,
    );
    all.optimizer = await runOptimizerBench();
  }
  const dir = env().TERN_DATA_DIR;
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, "bench.json");
  // A partial run keeps the other groups' figures from the last run.
  const kept =
    asked.length && existsSync(out)
      ? (JSON.parse(readFileSync(out, "utf8")) as { figures?: Record<string, Figure[]> }).figures
      : {};
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), figures: { ...kept, ...all } }, null, 2));
  console.log(`# written to ${out}`);
}

async function runDbBenches(all: Record<string, Figure[]>) {
  const targets: { key: string; url?: string }[] = [{ key: "embedded" }];
  const serverUrl = env().TERN_BENCH_DATABASE_URL ?? env().DATABASE_URL;
  if (serverUrl) targets.push({ key: "postgres", url: serverUrl });

  for (const target of targets) {
    const db = await openBenchDb(target.url);
    console.log(`# list procedures at 10,000 rows on ${db.label}`);
    try {
      all[target.key] = await runListBench(db);
      for (const f of all[target.key]!) print(`${target.key}.`, f);
    } finally {
      await db.close();
    }
    // A database of its own: the sync would otherwise try to reach the list bench's 10,000 made-up clusters.
    const syncDb = await openBenchDb(target.url);
    console.log(
      `# clusters sync: 1,000 deployments on 20 simulated clusters (own process), on ${syncDb.label}; goals: change_to_page.p95 <= 1000 ms, idle_cpu <= 5 %`,
    );
    try {
      const figures = await runClusterSyncBench(syncDb);
      for (const f of figures) print(`${target.key}.`, f);
      all[target.key]!.push(...figures);
    } finally {
      await syncDb.close();
    }
  }
}

async function runReplicas(all: Record<string, Figure[]>) {
  const serverUrl = env().TERN_BENCH_DATABASE_URL ?? env().DATABASE_URL;
  if (!serverUrl) {
    console.log(
      "# replicas: skipped — set TERN_BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to run two replicas",
    );
    return;
  }
  const db = await openBenchDb(serverUrl);
  console.log(
    `# replicas: 2 Tern processes (change feed, workers) on ${db.label}; goals: change_to_page.p95 <= 250 ms, failover <= TTL + 1 s, list_rps_2 / list_rps_1 >= 1.6`,
  );
  try {
    all.replicas = await runReplicasBench(db);
    for (const f of all.replicas) print("", { ...f, vs: "1 replica" });
  } finally {
    await db.close();
  }
}

async function runCharts(all: Record<string, Figure[]>, svg: boolean) {
  // Embedded only: the database answers a few small lookups here; Prometheus does the work.
  console.log(
    `# charts: ${svg ? "SVG embed endpoint and " : ""}deployment charts (24 h, 60 s step) on a local Prometheus with 25 h of history, the simulated fleet and its load generator running; goals: ${svg ? "embed.svg.p95 <= 150 ms, embed.svg.rps >= 100 req/s, " : ""}charts.deployment_24h.p95 <= 100 ms`,
  );
  const chartsDb = await openBenchDb();
  try {
    const figures = await runChartsBench(chartsDb, { svg });
    if (figures) {
      all[svg ? "charts" : "chart-data"] = figures;
      for (const f of figures) print("", f);
    }
  } finally {
    await chartsDb.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
