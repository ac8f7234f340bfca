// Validated building blocks for PromQL: every value that reaches a query passes a strict pattern AND is
// escaped, so a bad value is refused with a clear message instead of changing the query's meaning.
import { z } from "zod";
import { AppError } from "../errors";

/** Kubernetes object names (RFC 1123 label). Strict: no trimming, so "ns\n" is refused, not repaired. */
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const zK8sName = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .max(63, `${what} must be at most 63 characters`)
    .refine((v) => DNS1123.test(v), {
      error: (iss) =>
        `${what} must be lowercase letters, digits and '-', starting and ending with a letter or digit (got ${JSON.stringify(iss.input)})`,
    });

/** Other label values Tern writes itself (GPU types, regions, providers, team ids, currencies). */
const labelValue = (what: string, pattern: RegExp, example: string) =>
  z
    .string({ error: `${what} is required` })
    .max(128, `${what} must be at most 128 characters`)
    .refine((v) => pattern.test(v), {
      error: (iss) => `${what} must look like ${example} (got ${JSON.stringify(iss.input)})`,
    });

export const zGpuTypeLabel = labelValue("GPU type", /^[A-Za-z0-9][A-Za-z0-9._-]*$/, "H100, A10G or Ascend-910B");
export const zRegionLabel = labelValue("region", /^[a-z0-9][a-z0-9-]*$/, "us-east-1 or cn-hangzhou");
export const zProviderLabel = labelValue("provider", /^[A-Z][A-Z0-9_]*$/, "AWS, GCP or ALIYUN");
export const zClusterIdLabel = labelValue("cluster id", /^[a-z0-9][a-z0-9_-]*$/, "a cluster id such as c1a2b3c4");
export const zTeamLabel = labelValue("team", /^[A-Za-z0-9][A-Za-z0-9_-]*$/, "a team id such as cm1x2y3z4");
export const zCurrencyLabel = labelValue("currency", /^[A-Z]{3}$/, "USD or CNY");

/** Metric and label names, for custom presets (Prometheus data model rules). */
export const zMetricName = z
  .string()
  .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "metric names are letters, digits, '_' and ':' (not starting with a digit)");
export const zLabelName = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "label names are letters, digits and '_' (not starting with a digit)");

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const DURATION = /^([0-9]{1,7})(ms|s|m|h|d)$/;

/** Seconds in a duration such as "5m"; NaN when it is not one. */
export function durationSeconds(d: string): number {
  const m = DURATION.exec(d);
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]!]! : NaN;
}

/** A PromQL duration bounded to [minSeconds, maxSeconds]; ms/s/m/h/d only, one unit. */
export const zDuration = (what: string, minSeconds: number, maxSeconds: number) =>
  z
    .string({ error: `${what} is required` })
    .refine((v) => DURATION.test(v), {
      error: (iss) =>
        `${what} must be a number and one unit of ms, s, m, h or d, such as 5m (got ${JSON.stringify(iss.input)})`,
    })
    .refine(
      (v) => {
        const s = durationSeconds(v);
        return s >= minSeconds && s <= maxSeconds;
      },
      `${what} must be between ${formatSeconds(minSeconds)} and ${formatSeconds(maxSeconds)}`,
    );

/** Rate windows: at least two 5 s scrapes, at most a day (longer windows belong to *_over_time queries). */
export const zRateWindow = zDuration("window", 10, 86_400);

export const QUANTILES = [0.5, 0.95, 0.99] as const;
export const zQuantile = z.literal(QUANTILES, { error: `quantile must be one of ${QUANTILES.join(", ")}` });

export function formatSeconds(s: number): string {
  if (s % 86_400 === 0) return `${s / 86_400}d`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return Number.isInteger(s) ? `${s}s` : `${Math.round(s * 1000)}ms`;
}

/** A PromQL double-quoted string literal (Go escaping: backslash, quote, newline, CR, tab). */
export function promqlString(v: string): string {
  return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}

export type MatchOp = "=" | "!=" | "=~" | "!~";
export interface Matcher {
  label: string;
  op: MatchOp;
  value: string;
}

/** `metric{a="b",c=~"d"}` with every label name checked and every value escaped. */
export function selector(metric: string, matchers: Matcher[]): string {
  if (!zMetricName.safeParse(metric).success)
    throw new AppError("BAD_REQUEST", `invalid metric name ${JSON.stringify(metric)}`);
  for (const m of matchers) {
    if (!zLabelName.safeParse(m.label).success)
      throw new AppError("BAD_REQUEST", `invalid label name ${JSON.stringify(m.label)}`);
  }
  const inner = matchers.map((m) => `${m.label}${m.op}${promqlString(m.value)}`).join(",");
  return inner ? `${metric}{${inner}}` : metric;
}

/** Parses with a schema; the first issue becomes an AppError naming the field, as the API expects. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join(".") || undefined;
  throw new AppError("BAD_REQUEST", issue?.message ?? "invalid query parameters", field);
}
