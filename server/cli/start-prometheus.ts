// Runs the local Prometheus of `npm start`: scrapes every simulated cluster and Tern's own /metrics, and
// on its first start backfills a few hours of history for the demo deployments so charts are never empty.
import path from "node:path";
import { env } from "../env.ts";
import { generateBackfill } from "../dev-tools/local-prometheus/backfill.ts";
import {
  fleetBackfillSeries,
  type NodeHistory,
  type WorkloadHistory,
} from "../dev-tools/local-prometheus/fleet-backfill.ts";
import {
  instanceOf,
  LOCAL_CLUSTER_SCRAPE_SECONDS,
  type ScrapeTarget,
} from "../dev-tools/local-prometheus/prometheus-config.ts";
import { ensurePrometheus } from "../dev-tools/local-prometheus/prometheus-binary.ts";
import { ensureMetricsTokenFile } from "../metrics/metrics-token-file.ts";
import { startPrometheus, type LocalPrometheus } from "../dev-tools/local-prometheus/prometheus-process.ts";
import { DEMO_DEPLOYMENTS, readFleetManifest } from "../dev-tools/demo/register-sim-fleet.ts";
import type { TernDeployment, TernPrice } from "../metrics/tern-metrics.ts";
import { fleetProbeSeries, simulatedLatencyShape } from "../dev-tools/demo/latency-probe-history.ts";
import { DEMO_FLEET_CONFIG, loadFleetConfig } from "@tern/sim/fleet-config";
import { renderRecordingRules, RECORDING_RULES_FILE } from "../metrics/recording-rules.ts";
import { rateWindowFor } from "../metrics/promql-range.ts";

const SIM_JOB = "tern-sim";
const HISTORY_HOURS = 6;

export async function startLocalPrometheus(opts: {
  dataDir: string;
  port: number;
  appPort: string;
  withFleet: boolean;
  ternMetrics?: { prices: TernPrice[]; deployments: TernDeployment[] };
  /** The demo team's cluster ids by cluster name (the fleet's clusters as registered in Tern). */
  clusterIds?: Record<string, string>;
  /** host:port of the local Alertmanager, when one runs. */
  alertmanager?: string;
  log: (m: string) => void;
}): Promise<LocalPrometheus | null> {
  const found = await ensurePrometheus({ log: opts.log });
  if (!found.ok) {
    opts.log(found.reason);
    return null;
  }
  const ternUrl = `http://127.0.0.1:${opts.appPort}/metrics`;
  const fleet = opts.withFleet ? await readFleetManifest(opts.dataDir) : null;
  const latency = fleet ? (await loadFleetConfig(DEMO_FLEET_CONFIG).catch(() => null))?.latency : undefined;
  const idOf = (name: string) => opts.clusterIds?.[name];
  const targets: ScrapeTarget[] = (fleet?.clusters ?? []).map((c) => ({
    job: SIM_JOB,
    cluster: c.name,
    url: c.metricsUrl,
    ...(idOf(c.name) ? { clusterId: idOf(c.name) } : {}),
  }));

  const backfill = fleet
    ? () => {
        const workloads: WorkloadHistory[] = DEMO_DEPLOYMENTS.flatMap((d) => {
          const c = fleet.clusters.find((x) => x.name === d.cluster);
          if (!c) return [];
          return [
            {
              job: SIM_JOB,
              instance: instanceOf(c.metricsUrl),
              cluster: d.cluster,
              ...(idOf(d.cluster) ? { clusterId: idOf(d.cluster) } : {}),
              namespace: "models",
              deployment: d.name,
              model: d.model,
              modelVersion: d.version,
              replicas: d.replicas,
              gpusPerReplica: 1,
              gpuType: d.gpuType,
              // The simulator's own latency profile where known, so history agrees with the live series.
              ...(latency ? simulatedLatencyShape(latency, d.gpuType, c.region) : { medianLatencyMs: d.sloMs / 3 }),
              peakRps: 7,
              errorRatio: 0.002,
            },
          ];
        });
        const nodes: NodeHistory[] = fleet.clusters.flatMap((c) =>
          Object.entries(c.gpus).map(([gpuType, gpus]) => ({
            job: SIM_JOB,
            instance: instanceOf(c.metricsUrl),
            cluster: c.name,
            ...(idOf(c.name) ? { clusterId: idOf(c.name) } : {}),
            node: `${c.name}-${gpuType.toLowerCase()}`,
            gpuType,
            gpus,
            region: c.region,
          })),
        );
        const tern = opts.ternMetrics
          ? { job: "tern", instance: instanceOf(ternUrl), ...opts.ternMetrics, now: new Date() }
          : undefined;
        // Latency probes on every pool, so the optimizer knows pools no demo model runs on (server/demo).
        const probes =
          tern && opts.clusterIds && latency
            ? fleetProbeSeries({
                fleet,
                clusterIds: opts.clusterIds,
                latency,
                job: SIM_JOB,
                instanceOf,
                team: tern.prices[0]?.team ?? tern.deployments[0]?.team ?? "",
                tern,
              })
            : [];
        return generateBackfill({
          series: [...fleetBackfillSeries({ workloads, nodes, ...(tern ? { tern } : {}) }), ...probes],
          hours: HISTORY_HOURS,
          stepSeconds: 60,
          now: new Date(),
          dayLengthSeconds: 600,
        });
      }
    : undefined;

  const prom = await startPrometheus({
    bins: found.bins,
    dataDir: opts.dataDir,
    port: opts.port,
    targets,
    ternUrl,
    // The app checks the same token (TERN_METRICS_TOKEN, or the one generated into the data folder).
    ternToken: env().TERN_METRICS_TOKEN || ensureMetricsTokenFile(opts.dataDir),
    ...(fleet?.glb ? { glbUrl: fleet.glb.metricsUrl } : {}),
    clusterScrapeSeconds: LOCAL_CLUSTER_SCRAPE_SECONDS,
    ...(backfill ? { backfill } : {}),
    ...(opts.alertmanager ? { alertmanager: opts.alertmanager } : {}),
    // The charts' rate window at the scrape interval Tern assumes (TERN_PROMETHEUS_SCRAPE_SECONDS).
    rules: {
      [RECORDING_RULES_FILE]: renderRecordingRules({
        windows: [rateWindowFor(0, env().TERN_PROMETHEUS_SCRAPE_SECONDS)],
      }),
    },
    log: opts.log,
  });
  opts.log(
    `Prometheus on ${prom.url} (data in ${path.join(opts.dataDir, "prometheus")}${prom.backfilled ? `, ${HISTORY_HOURS} h of history backfilled` : ""})`,
  );
  return prom;
}
