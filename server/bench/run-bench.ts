// `npm run bench`: prints one line per figure (`name: value unit`, with a ratio against the reference
// run in the same process where there is one) and writes them to .tern/bench.json.
// Embedded PGlite always; a PostgreSQL server too when TERN_BENCH_DATABASE_URL (or DATABASE_URL) is set.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runArtifactCopyBench } from "./artifact-copy-bench.ts";
import { openBenchDb } from "./bench-db.ts";
import { runChartsBench } from "./charts-bench.ts";
import { runClusterSyncBench } from "./cluster-sync-bench.ts";
import { runListBench, type Figure } from "./list-bench.ts";
import { runSimListBench } from "./sim-list-bench.ts";

process.env.TERN_ENCRYPTION_KEY ??= "0".repeat(64);

function print(prefix: string, f: Figure & { vs?: string }) {
  const ratio = f.ratio === undefined ? "" : ` (ratio ${f.ratio.toFixed(f.ratio < 0.1 ? 4 : 2)} vs ${f.vs ?? "sql"})`;
  console.log(`${prefix}${f.name}: ${f.value.toFixed(2)} ${f.unit}${ratio}`);
}

async function main() {
  const targets: { key: string; url?: string }[] = [{ key: "embedded" }];
  const serverUrl = process.env.TERN_BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (serverUrl) targets.push({ key: "postgres", url: serverUrl });

  const all: Record<string, Figure[]> = {};
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
    console.log(`# clusters sync: 1,000 deployments on 20 simulated clusters (own process), on ${syncDb.label}; goals: change_to_page.p95 <= 1000 ms, idle_cpu <= 5 %`);
    try {
      const figures = await runClusterSyncBench(syncDb);
      for (const f of figures) print(`${target.key}.`, f);
      all[target.key]!.push(...figures);
    } finally {
      await syncDb.close();
    }
  }
  console.log("# simulator: GET /api/v1/pods over 5,000 pods, API server in its own process");
  all.sim = await runSimListBench();
  for (const f of all.sim) print("sim.", f);
  // Embedded only: the database answers a few small lookups here; Prometheus does the work.
  console.log("# charts: SVG embed endpoint and deployment charts (24 h, 60 s step) on a local Prometheus with 25 h of history; goals: embed.svg.p95 <= 150 ms, embed.svg.rps >= 100 req/s, charts.deployment_24h.p95 <= 300 ms");
  const chartsDb = await openBenchDb();
  try {
    const figures = await runChartsBench(chartsDb);
    if (figures) {
      all.charts = figures;
      for (const f of figures) print("", f);
    }
  } finally {
    await chartsDb.close();
  }
  console.log("# artifact copy: 1 GiB through the S3 path (GET piped to a verified PUT, store in its own process) vs cp + sync; goal: ratio <= 1.25");
  all.artifacts = await runArtifactCopyBench();
  // One line: the S3 copy with its ratio to cp + sync (both times are in bench.json).
  print("", { ...all.artifacts.find((f) => f.ratio !== undefined)!, vs: "cp+sync" });
  const dir = process.env.TERN_DATA_DIR ?? ".tern";
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, "bench.json");
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), figures: all }, null, 2));
  console.log(`# written to ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
