// A real Prometheus (the Debian binary) on a free port over two hours of backfilled fleet history, for the
// integration tests of charts and recommendations; they skip when the prometheus/promtool binaries are missing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateBackfill, type BackfillSeries } from "../dev-tools/local-prometheus/backfill";
import {
  defaultEnvironment,
  planPrometheus,
  type PrometheusBinaries,
} from "../dev-tools/local-prometheus/prometheus-binary";
import { startPrometheus, type StartPrometheusOptions } from "../dev-tools/local-prometheus/prometheus-process";
import { unusedPort } from "./fake-prometheus";

/** The binaries a backfilled Prometheus needs, or null (with a "[skip]" line naming the test file). */
export function prometheusBinsOrSkip(testFile: string): PrometheusBinaries | null {
  const plan = planPrometheus(defaultEnvironment());
  const bins = plan.action === "use" && plan.bins.promtool ? plan.bins : null;
  if (!bins) console.warn(`[skip] ${testFile}: no prometheus/promtool binary`);
  return bins;
}

export interface BackfilledPrometheus {
  url: string;
  /** Stops Prometheus and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts Prometheus in a fresh temporary folder over `series`, backfilled for two hours at `stepSeconds`. */
export async function startBackfilledPrometheus(
  o: { bins: PrometheusBinaries; series: BackfillSeries[]; stepSeconds: number; tmpPrefix: string } & Pick<
    StartPrometheusOptions,
    "scrapeIntervalSeconds" | "rules" | "readyTimeoutMs"
  >,
): Promise<BackfilledPrometheus> {
  const { bins, series, stepSeconds, tmpPrefix, ...rest } = o;
  const dataDir = mkdtempSync(path.join(tmpdir(), tmpPrefix));
  try {
    const prom = await startPrometheus({
      ...rest,
      bins,
      dataDir,
      port: await unusedPort(),
      targets: [],
      backfill: () => generateBackfill({ series, hours: 2, stepSeconds, now: Date.now() }),
    });
    return {
      url: prom.url,
      async stop() {
        await prom.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
