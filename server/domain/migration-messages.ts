// What a migration says about its steps and outcome, as templates: the server writes the English text (what the
// database, audit, API and CLI carry), and the browser reads the key and values back from that text to show the
// message in the reader's language (the migrationMessages catalog). Client-safe: no server imports. The templates are
// ICU messages too, so no quote may stand before a brace.

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
  // Wrappers around another message last, so the message inside is read first.
  afterAttempts: "{error} (after {attempts} attempts)",
  pastNoReturn: "{error} — Tern retries; the target serves all traffic",
  nothingDeployed: "{error}; nothing was deployed",
} as const;

export type MigrationMessageKey = keyof typeof MIGRATION_MESSAGES;
type Params = Record<string, string | number>;

/** Values that are themselves messages, translated in turn. */
export const NESTED_MESSAGE_PARAMS = new Set(["error"]);

const PLACEHOLDER = /\{(\w+)\}/g;

/** The English text of a message. */
export function migrationMessage(key: MigrationMessageKey, params: Params = {}): string {
  return MIGRATION_MESSAGES[key].replace(PLACEHOLDER, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`migration message '${key}' needs a value for {${name}}`);
    return String(v);
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const PATTERNS = (Object.entries(MIGRATION_MESSAGES) as [MigrationMessageKey, string][]).map(([key, template]) => {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escape(template.slice(last, m.index)) + "([\\s\\S]+?)";
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  return { key, names, re: new RegExp(`^${source}$`) };
});

/** The key and values a text was made from, or null for text that is not one of these messages. */
export function parseMigrationMessage(
  text: string,
): { key: MigrationMessageKey; params: Record<string, string> } | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m) return { key: p.key, params: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!])) };
  }
  return null;
}
