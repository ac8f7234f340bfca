// prometheus.yml for the local Prometheus: one scrape config per cluster target (each may have its own TLS
// settings), every series labelled with Tern's id for the cluster (`tern_cluster_id`, what charts filter by) and its
// name (`cluster`, for people reading Prometheus), plus Tern's own /metrics.
import { stringify } from "yaml";
import { z } from "zod";
import { zClusterIdLabel, zK8sName } from "../../metrics/promql-params";
import { CLUSTER_METRICS as K } from "../../metrics/runtime-presets";

export const ZScrapeTarget = z.object({
  /** The job label the series get, e.g. "tern-sim" or "kube-state-metrics". */
  job: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "job must be lowercase letters, digits, '-' and '_'"),
  cluster: zK8sName("cluster"),
  /** Tern's Cluster.id; a target without one (not registered in Tern) is scraped but never charted. */
  clusterId: zClusterIdLabel.optional(),
  /** The /metrics URL, e.g. http://127.0.0.1:16541/metrics */
  url: z.url({ protocol: /^https?$/, error: "target url must be an http(s) URL" }),
  scheme: z.enum(["http", "https"]).optional(),
  tlsCaFile: z.string().min(1).optional(),
  insecure: z.boolean().optional(),
});
export type ScrapeTarget = z.input<typeof ZScrapeTarget>;

export interface PrometheusConfigInput {
  targets: ScrapeTarget[];
  /** Tern's own /metrics (prices and deployment facts for cost). */
  ternUrl?: string;
  /** The bearer token Tern's /metrics asks for. */
  ternToken?: string;
  /** The simulated GLB's /metrics: per-backend requests and client-side latency, labelled with their backend's cluster. */
  glbUrl?: string;
  scrapeIntervalSeconds?: number;
  /**
   * The clusters' and the GLB's own interval (default: the global one). A migration's analysis sees a new
   * target's first requests two scrapes after they were served, so a short one here shortens VERIFY.
   */
  clusterScrapeSeconds?: number;
  /** Rule files or globs Prometheus loads (recording rules; Tern's SLO alerts, see alerts/slo-rules.ts). */
  ruleFiles?: readonly string[];
  /** host:port of the Alertmanager firing alerts go to. */
  alertmanager?: string;
}

/** What the local Prometheus of `npm start` scrapes the simulated clusters and GLB at (the app is told the same). */
export const LOCAL_CLUSTER_SCRAPE_SECONDS = 1;

export const TERN_JOB = "tern";

interface UrlParts {
  scheme: "http" | "https";
  address: string;
  path: string;
}

function splitUrl(raw: string, scheme?: "http" | "https"): UrlParts {
  const u = new URL(raw);
  return {
    scheme: scheme ?? (u.protocol === "https:" ? "https" : "http"),
    address: u.host,
    path: u.pathname || "/metrics",
  };
}

/** The `instance` label Prometheus will give a target (its host:port), for backfill series to match. */
export function instanceOf(url: string): string {
  return new URL(url).host;
}

export function renderPrometheusConfig(input: PrometheusConfigInput): string {
  const interval = `${input.scrapeIntervalSeconds ?? 5}s`;
  const clusterInterval = input.clusterScrapeSeconds
    ? { scrape_interval: `${input.clusterScrapeSeconds}s`, scrape_timeout: `${input.clusterScrapeSeconds}s` }
    : {};
  const scrapeConfigs: Record<string, unknown>[] = input.targets.map((raw, i) => {
    const t = ZScrapeTarget.parse(raw);
    const u = splitUrl(t.url, t.scheme);
    const tls =
      u.scheme === "https"
        ? {
            tls_config: {
              ...(t.tlsCaFile ? { ca_file: t.tlsCaFile } : {}),
              ...(t.insecure ? { insecure_skip_verify: true } : {}),
            },
          }
        : {};
    return {
      // job_name must be unique per scrape config; the `job` label is set back to the shared name below.
      job_name: `${t.job}-${t.cluster}-${i}`,
      ...clusterInterval,
      scheme: u.scheme,
      metrics_path: u.path,
      ...tls,
      static_configs: [
        {
          targets: [u.address],
          labels: { cluster: t.cluster, ...(t.clusterId ? { [K.clusterLabel]: t.clusterId } : {}) },
        },
      ],
      relabel_configs: [{ target_label: "job", replacement: t.job }],
      // An exporter that labels its own series `cluster` (the simulator does) or `tern_cluster_id` (a hostile one
      // might) loses to the target's labels (Prometheus renames the scraped ones exported_…); drop the duplicates.
      metric_relabel_configs: [{ action: "labeldrop", regex: `exported_cluster|exported_${K.clusterLabel}` }],
    };
  });
  if (input.ternUrl) {
    const u = splitUrl(input.ternUrl);
    // Tern's series carry their own cluster/team labels: keep them as exported.
    scrapeConfigs.push({
      job_name: TERN_JOB,
      scheme: u.scheme,
      metrics_path: u.path,
      honor_labels: true,
      ...(input.ternToken ? { authorization: { type: "Bearer", credentials: input.ternToken } } : {}),
      static_configs: [{ targets: [u.address] }],
    });
  }
  if (input.glbUrl) {
    const u = splitUrl(input.glbUrl);
    // honor_labels: the GLB's `cluster` label names each backend's cluster (Tern's names in the demo fleet).
    scrapeConfigs.push({
      job_name: "tern-sim-glb",
      ...clusterInterval,
      scheme: u.scheme,
      metrics_path: u.path,
      honor_labels: true,
      static_configs: [{ targets: [u.address] }],
    });
  }
  const config = {
    global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: "15s" },
    ...(input.ruleFiles?.length ? { rule_files: [...input.ruleFiles] } : {}),
    scrape_configs: scrapeConfigs,
    ...(input.alertmanager
      ? { alerting: { alertmanagers: [{ static_configs: [{ targets: [input.alertmanager] }] }] } }
      : {}),
  };
  return `# Written by Tern (server/dev-tools/local-prometheus/prometheus-config.ts); rewritten when targets change.\n${stringify(config)}`;
}
