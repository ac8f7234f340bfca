// Prometheus alerting rules derived from each deployment's SLO: p95 latency above the SLO, error ratio above a
// threshold, no ready replicas, and multi-window multi-burn-rate alerts on the error budget (Google SRE workbook,
// "Alerting on SLOs"). Expressions come from the chart templates (metrics/promql.ts), so they match what Tern shows.
import { stringify } from "yaml";
import { errorRatio, latencyQuantile, readyReplicas } from "../metrics/promql";

export interface SloDeployment {
  id: string;
  teamId: string;
  /** Tern's cluster id: the `tern_cluster_id` label of the deployment's series. */
  clusterId: string;
  namespace: string;
  name: string;
  latencySloMs: number;
}

export interface SloRuleOptions {
  /** How long p95 must stay above the SLO before the alert fires (the "N minutes"). */
  latencyForMinutes?: number;
  /** Rate window of the latency and error-ratio alerts. */
  window?: string;
  /** Error ratio above which the plain error alert fires. */
  errorRatioThreshold?: number;
  /** The availability objective the error budget is derived from (0.995: 0.5 % of requests may fail). */
  availabilityObjective?: number;
}

export const SLO_RULE_DEFAULTS = {
  latencyForMinutes: 5,
  window: "5m",
  errorRatioThreshold: 0.05,
  availabilityObjective: 0.995,
} as const;

/** The alert names Tern's webhook receiver knows, with their severity. */
export const SLO_ALERTS = {
  latency: "TernLatencySloBreach",
  errors: "TernErrorRatioHigh",
  noReplicas: "TernNoReadyReplicas",
  budgetFast: "TernErrorBudgetBurnFast",
  budgetSlow: "TernErrorBudgetBurnSlow",
} as const;

/** Burn rates and windows of the workbook's recommended pairs: (long, short, rate, for, severity). */
const BURN_RATES = [
  { alert: SLO_ALERTS.budgetFast, long: "1h", short: "5m", rate: 14.4, for: "2m", severity: "critical" },
  { alert: SLO_ALERTS.budgetFast, long: "6h", short: "30m", rate: 6, for: "15m", severity: "critical" },
  { alert: SLO_ALERTS.budgetSlow, long: "1d", short: "2h", rate: 3, for: "1h", severity: "warning" },
] as const;

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** The labels every alert of a deployment carries: how the receiver finds the deployment and its team. */
export function deploymentAlertLabels(d: SloDeployment): Record<string, string> {
  return {
    tern_deployment_id: d.id,
    tern_team_id: d.teamId,
    tern_cluster_id: d.clusterId,
    namespace: d.namespace,
    deployment: d.name,
  };
}

function rulesFor(d: SloDeployment, o: Required<SloRuleOptions>): Rule[] {
  const scope = { cluster: d.clusterId, namespace: d.namespace, deployment: d.name };
  const labels = deploymentAlertLabels(d);
  const who = `${d.namespace}/${d.name}`;
  const budget = 1 - o.availabilityObjective;
  const rules: Rule[] = [
    {
      alert: SLO_ALERTS.latency,
      expr: `${latencyQuantile({ ...scope, window: o.window, quantile: 0.95 }).expr} > ${d.latencySloMs}`,
      for: `${o.latencyForMinutes}m`,
      labels: { ...labels, severity: "warning", slo_ms: String(d.latencySloMs) },
      annotations: {
        summary: `p95 latency of ${who} is above its SLO of ${d.latencySloMs} ms`,
        description: `p95 over ${o.window} has been {{ $value | printf "%.0f" }} ms for ${o.latencyForMinutes} minutes (SLO ${d.latencySloMs} ms).`,
      },
    },
    {
      alert: SLO_ALERTS.errors,
      expr: `${errorRatio({ ...scope, window: o.window }).expr} > ${o.errorRatioThreshold}`,
      for: `${o.latencyForMinutes}m`,
      labels: { ...labels, severity: "critical" },
      annotations: {
        summary: `${who} fails more than ${o.errorRatioThreshold * 100} % of requests`,
        description: `Error ratio over ${o.window}: {{ $value | humanizePercentage }}.`,
      },
    },
    {
      alert: SLO_ALERTS.noReplicas,
      expr: `${readyReplicas(scope).expr} < 1`,
      for: "2m",
      labels: { ...labels, severity: "critical" },
      annotations: {
        summary: `${who} has no ready replicas`,
        description: "No pod of the deployment has been ready for 2 minutes: every request fails.",
      },
    },
  ];
  for (const b of BURN_RATES) {
    const threshold = Number((b.rate * budget).toPrecision(6));
    const ratio = (window: string) => errorRatio({ ...scope, window }).expr;
    rules.push({
      alert: b.alert,
      expr: `(${ratio(b.long)}) > ${threshold} and (${ratio(b.short)}) > ${threshold}`,
      for: b.for,
      labels: { ...labels, severity: b.severity, burn_rate: String(b.rate), window: b.long },
      annotations: {
        summary: `${who} burns its error budget ${b.rate}× too fast (${b.long} and ${b.short} windows)`,
        description: `At this rate the ${(o.availabilityObjective * 100).toFixed(1)} % availability objective's 30-day budget is gone in ${Math.round((30 * 24) / b.rate)} hours.`,
      },
    });
  }
  return rules;
}

/** One rule group per deployment, as a Prometheus rule file (YAML). */
export function renderSloRules(deployments: SloDeployment[], options: SloRuleOptions = {}): string {
  const o = { ...SLO_RULE_DEFAULTS, ...options };
  const groups = [...deployments]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((d) => ({ name: `tern-slo-${d.id}`, rules: rulesFor(d, o) }));
  return `# Written by Tern (server/alerts/slo-rules.ts) from each deployment's SLO; do not edit.\n${stringify({ groups }, { lineWidth: 0 })}`;
}
