// Prometheus recording rules Tern's latency charts read when they exist: p50/p95/p99 per deployment, precomputed
// from each runtime's latency histogram, so a 24 h chart reads three short series instead of rating every bucket
// over the whole day. The local Prometheus loads them (server/dev-tools); production installs the same file
// (`renderRecordingRules`, see the README). Without them the charts compute quantiles from the buckets.
import { stringify } from "yaml";
import { durationSeconds, formatSeconds, QUANTILES, selector } from "./promql-params";
import { CLUSTER_METRICS as K, RUNTIME_PRESETS, type RuntimePreset } from "./runtime-presets";

/** The quantiles recorded (p50, p95, p99), each under its `quantile` label. */
export const RECORDED_QUANTILES = QUANTILES;

export const RECORDING_GROUP = "tern-latency-quantiles";
/** The rules file's name where Tern writes it (the local Prometheus' rules folder). */
export const RECORDING_RULES_FILE = "tern-recording-rules.yml";
/** How often Prometheus evaluates the group; a chart's point is at most this much older than its timestamp. */
export const RECORDING_INTERVAL = "15s";

type HistogramPreset = RuntimePreset & { latency: Extract<RuntimePreset["latency"], { kind: "histogram" }> };

/** Runtimes whose quantiles can be recorded per deployment: a latency histogram labelled by deployment. */
export function recordable(preset: RuntimePreset): preset is HistogramPreset {
  return preset.latency.kind === "histogram" && preset.deployment.match === "exact";
}

/**
 * The recorded series' name for a histogram and rate window, in Prometheus' level:metric:operations style, e.g.
 * `tern_deployment:request_predict_seconds:histogram_quantile_rate2m` (colons in the metric become '_').
 */
export function recordedQuantileName(metric: string, window: string): string {
  const w = formatSeconds(durationSeconds(window));
  return `tern_deployment:${metric.replace(/:/g, "_")}:histogram_quantile_rate${w}`;
}

/** The labels a recorded series keeps: Tern's cluster id and the runtime's namespace and deployment labels. */
export function recordedLabels(preset: RuntimePreset): string[] {
  return [K.clusterLabel, preset.namespaceLabel, preset.deployment.label];
}

function rulesFor(preset: HistogramPreset, window: string) {
  const lat = preset.latency;
  const buckets = selector(`${lat.metric}_bucket`, lat.matchers ?? []);
  const by = ["le", ...recordedLabels(preset)].join(", ");
  return RECORDED_QUANTILES.map((q) => ({
    record: recordedQuantileName(lat.metric, window),
    expr: `histogram_quantile(${q}, sum by (${by}) (rate(${buckets}[${window}])))`,
    labels: { quantile: String(q) },
  }));
}

/**
 * The rules file: one group with p50/p95/p99 for every runtime preset with a per-deployment histogram (presets
 * sharing a histogram share its rules), for each rate window the charts ask for: `4 × scrape interval`
 * (rateWindowFor) is the one of every chart up to 24 h at 1,500 px.
 */
export function renderRecordingRules(opts: { windows: readonly string[] }): string {
  const rules: ReturnType<typeof rulesFor> = [];
  const seen = new Set<string>();
  for (const window of opts.windows) {
    const w = formatSeconds(durationSeconds(window));
    for (const preset of Object.values(RUNTIME_PRESETS) as RuntimePreset[]) {
      if (!recordable(preset)) continue;
      for (const r of rulesFor(preset, w)) {
        const key = `${r.record}\u0000${r.expr}`;
        if (!seen.has(key)) rules.push(r);
        seen.add(key);
      }
    }
  }
  const doc = { groups: [{ name: RECORDING_GROUP, interval: RECORDING_INTERVAL, rules }] };
  return `# Tern's recording rules (server/metrics/recording-rules.ts): latency quantiles per deployment for the charts.\n${stringify(doc, { lineWidth: 0 })}`;
}
