// Reads a step's evidence JSON (written by the migration worker) into what the stepper renders: golden-set
// cases, latency figures, traffic weights and the rest as plain key/values. Tolerant by design: unknown
// shapes fall through to "other" rather than disappearing.

export interface GoldenCaseView {
  index: number;
  input?: unknown;
  expected?: unknown;
  source?: unknown;
  target?: unknown;
  ok: boolean | null;
  maxAbsDiff: number | null;
  error?: string;
}

export interface EvidenceView {
  golden: GoldenCaseView[] | null;
  /** Live sampled requests replayed to source and target. */
  shadow: GoldenCaseView[] | null;
  goldenSummary: { passed: number | null; failed: number | null; maxAbsDiff: number | null } | null;
  latency: { key: string; ms: number }[];
  weights: { backend: string; weight: number }[];
  other: { key: string; value: unknown }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function goldenCase(v: unknown, i: number): GoldenCaseView {
  const c = isRecord(v) ? v : { value: v };
  const ok = typeof c.ok === "boolean" ? c.ok : typeof c.match === "boolean" ? c.match : null;
  return {
    index: num(c.index) ?? i,
    input: c.input,
    expected: c.expected,
    source: c.source,
    target: c.target ?? c.actual,
    ok,
    maxAbsDiff: num(c.maxAbsDiff),
    error: typeof c.error === "string" ? c.error : typeof c.message === "string" ? c.message : undefined,
  };
}

const LATENCY_KEY = /(p\d{2}|latency|Ms)$/i;

function weightsOf(v: unknown): { backend: string; weight: number }[] {
  if (Array.isArray(v)) {
    return v.flatMap((w) => {
      if (!isRecord(w)) return [];
      const weight = num(w.weight);
      const backend = [w.cluster, w.name, w.backend].find((x): x is string => typeof x === "string") ?? null;
      return weight !== null && backend ? [{ backend, weight }] : [];
    });
  }
  if (isRecord(v))
    return Object.entries(v).flatMap(([backend, w]) => (num(w) !== null ? [{ backend, weight: num(w)! }] : []));
  return [];
}

export function readEvidence(evidence: Record<string, unknown>): EvidenceView {
  const view: EvidenceView = { golden: null, shadow: null, goldenSummary: null, latency: [], weights: [], other: [] };
  for (const [key, value] of Object.entries(evidence)) {
    if (key === "golden" || key === "goldenSet" || key === "shadow") {
      const cases = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.cases) ? value.cases : null;
      if (cases && key === "shadow") {
        view.shadow = cases.map(goldenCase);
        continue;
      }
      if (cases) {
        view.golden = cases.map(goldenCase);
        if (isRecord(value))
          view.goldenSummary = {
            passed: num(value.passed),
            failed: num(value.failed),
            maxAbsDiff: num(value.maxAbsDiff),
          };
        continue;
      }
    }
    if (key === "weights" || key === "traffic") {
      const w = weightsOf(value);
      if (w.length) {
        view.weights = w;
        continue;
      }
    }
    if (key === "latency" && isRecord(value)) {
      for (const [k, v] of Object.entries(value)) if (num(v) !== null) view.latency.push({ key: k, ms: num(v)! });
      continue;
    }
    if (LATENCY_KEY.test(key) && Array.isArray(value) && value.length > 0 && value.every((v) => num(v) !== null)) {
      const sorted = (value as number[]).slice().sort((a, b) => a - b);
      view.latency.push(
        { key: `${key} p50`, ms: sorted[Math.floor((sorted.length - 1) / 2)]! },
        { key: `${key} max`, ms: sorted[sorted.length - 1]! },
      );
      continue;
    }
    if (LATENCY_KEY.test(key) && num(value) !== null) {
      view.latency.push({ key, ms: num(value)! });
      continue;
    }
    view.other.push({ key, value });
  }
  if (view.golden && !view.goldenSummary) {
    const failed = view.golden.filter((c) => c.ok === false).length;
    const diffs = view.golden.flatMap((c) => (c.maxAbsDiff === null ? [] : [c.maxAbsDiff]));
    view.goldenSummary = {
      passed: view.golden.length - failed,
      failed,
      maxAbsDiff: diffs.length ? Math.max(...diffs) : null,
    };
  }
  return view;
}

/** A compact one-line rendering of a JSON value for a table cell (long values are cut). */
export function compactJson(v: unknown, max = 80): string {
  if (v === undefined) return "—";
  const s =
    typeof v === "string"
      ? v
      : JSON.stringify(v, (_, x: unknown) => (typeof x === "number" ? Number(x.toPrecision(6)) : x));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
