// What a migration says about its steps and outcome, as templates: the server writes the English text (what the
// database, audit, API and CLI carry), and the browser reads the key and values back from that text to show the
// message in the reader's language (the migrationMessages catalog). Client-safe: no server imports. The templates are
// ICU messages too: a quote is written '' (ICU's escape), and the English text has one.

/** English templates; `{name}` values are filled in. Parsing tries them in this order: more specific first. */
export const MIGRATION_MESSAGES = {
  stepCopy: "Copy the artifact to {cloud} and verify sha256",
  stepDeploy: "Deploy {replicas} × {gpuType} on {cluster}",
  stepWaitReady: "Wait until the target is ready",
  stepVerify: "Verify outputs (golden set) and latency",
  stepShift: "Shift {percent} % of traffic to the target",
  stepDrain: "Drain and remove the source on {cluster}",
  stepFinalize: "Finalize: the deployment now runs on {cluster}",
  stepRollbackTraffic: "Roll back: all traffic to the source",
  stepRemoveTarget: "Roll back: remove the target deployment",
  retrying: "attempt {attempt} failed: {error} — retrying in {seconds} s",
  rollbackIncomplete: "rollback could not complete ({error}); the source still serves — check the target cluster",
  nowRunningOn: "now running on {cluster}",
  abortedByWithReason: "aborted by {by}: {reason}",
  abortedBy: "aborted by {by}",
  targetNotCreated: "the target deployment was not created",
  noTargetStore: "the plan names no target store for the artifact",
  noStoreForBucket: "no cloud of this team has the object store bucket {bucket} configured; set it on the Clouds page",
  clusterGone: "the cluster no longer exists",
  copyHashMismatch: "the copy hashes to {got}, not the version's {want}; nothing was deployed",
  targetExists: "a deployment {name} already exists on {cluster}; remove it or migrate to another cluster",
  targetDisappeared: "the target deployment disappeared while Tern waited for it",
  targetNotReady: "the target was not ready within {seconds} s ({status})",
  targetPhaseEvent: "the target is {phase}: {event}",
  targetPhase: "the target is {phase}",
  noGoldenCase: "inconclusive: no golden case could be compared",
  answersDiffer: "{bad} of {total} answers differ beyond tolerance (first: {first})",
  p95StayedAbove: "target p95 {p95} ms stayed above the SLO of {slo} ms",
  noLatencyData: "inconclusive: Prometheus has no latency data for the target; Tern never treats no data as success",
  noRequestData: "inconclusive: Prometheus has no request data for the target in the analysis window",
  tooFewRequests:
    "inconclusive: the target served {requests} requests in {seconds} s, fewer than the {min} the analysis needs",
  errorRatioAbove: "the target's error ratio {ratio} % is above {max} %",
  noWindowLatency: "inconclusive: no latency data for the target in the analysis window",
  p95AboveSlo: "the target's p95 {p95} ms is above the SLO of {slo} ms",
  noTrafficRouter:
    "no traffic router is configured for this Tern, so traffic cannot be shifted (see README: Migrations)",
  checkNoGpuType: "cluster ''{cluster}'' has no {gpuType} GPUs (it has {gpuTypes}); pick a GPU type it has",
  checkCapacityShort:
    "{needed} {gpuType} GPUs needed for {replicas} replicas but only {free} free on ''{cluster}''; free capacity there or pick another cluster",
  checkCapacityOk: "{needed} {gpuType} GPUs needed, {free} free on ''{cluster}''",
  checkResidencyRefused:
    "model ''{model}'' may only run where data may live in {zones}; cluster ''{cluster}'' is tagged {tags} — pick a cluster with a matching tag",
  checkResidencyOk: "model ''{model}'' may run in {zones}; ''{cluster}'' is tagged {tags}",
  checkNoResidency: "model ''{model}'' has no residency restriction",
  checkFormatRefused: "runtime image {image} does not serve {format} models",
  checkUnreachable: "cluster ''{cluster}'' is unreachable; wait until Tern can reach it",
  checkSameCloud: "same cloud ''{cloud}'': the artifact stays where it is",
  checkStoreCopy: "the artifact is copied to cloud ''{cloud}'' (bucket {bucket}) and its sha256 verified",
  checkNoStore:
    "cloud ''{cloud}'' has no object store configured; set its store endpoint, bucket and keys on the Clouds page",
  checkGoldenOk: "{count} golden cases are compared between source and target",
  checkNoGolden:
    "version {version} has no golden set; add one (sample inputs with expected outputs) so Tern can prove the target answers the same",
  checkTrafficOk: "traffic moves through the model''s stable endpoint in {steps} % steps",
  checkNoTrafficRouter:
    "no traffic router is configured for this Tern, so traffic cannot be shifted; see the README''s Migrations section",
  // Wrappers around another message last, so the message inside is read first.
  afterAttempts: "{error} (after {attempts} attempts)",
  pastNoReturn: "{error} — Tern retries; the target serves all traffic",
  nothingDeployed: "{error}; nothing was deployed",
  // The most general shapes last of all.
  checkHealthOk: "''{cluster}'' is {health}",
  checkFormatOk: "{image} serves {format}",
} as const;

export type MigrationMessageKey = keyof typeof MIGRATION_MESSAGES;
type Params = Record<string, string | number>;

/** Values that are themselves messages, translated in turn. */
export const NESTED_MESSAGE_PARAMS = new Set(["error"]);

const PLACEHOLDER = /\{(\w+)\}/g;
/** ICU writes a quote as two: '' in a template is ' in the text. */
const literal = (s: string) => s.replace(/''/g, "'");

type Segment = { text: string } | { name: string };
function segments(template: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.push({ text: literal(template.slice(last, m.index)) }, { name: m[1]! });
    last = m.index + m[0].length;
  }
  out.push({ text: literal(template.slice(last)) });
  return out;
}

const TEMPLATES = (Object.entries(MIGRATION_MESSAGES) as [MigrationMessageKey, string][]).map(([key, template]) => {
  const parts = segments(template);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const source = parts.map((p) => ("text" in p ? escape(p.text) : "([\\s\\S]+?)")).join("");
  const names = parts.flatMap((p) => ("name" in p ? [p.name] : []));
  return { key, parts, names, re: new RegExp(`^${source}$`) };
});
const BY_KEY = new Map(TEMPLATES.map((t) => [t.key, t]));

/** The English text of a message. */
export function migrationMessage(key: MigrationMessageKey, params: Params = {}): string {
  return BY_KEY.get(key)!
    .parts.map((p) => {
      if ("text" in p) return p.text;
      const v = params[p.name];
      if (v === undefined) throw new Error(`migration message '${key}' needs a value for {${p.name}}`);
      return String(v);
    })
    .join("");
}

/** The key and values a text was made from, or null for text that is not one of these messages. */
export function parseMigrationMessage(
  text: string,
): { key: MigrationMessageKey; params: Record<string, string> } | null {
  for (const t of TEMPLATES) {
    const m = t.re.exec(text);
    if (m) return { key: t.key, params: Object.fromEntries(t.names.map((n, i) => [n, m[i + 1]!])) };
  }
  return null;
}
