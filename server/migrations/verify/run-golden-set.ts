// Runs a golden set (or live sampled inputs) through deployments and reports a diff per case: the verify
// step of a migration. An inference failure is a failed case with its error, never a silent pass.
import { compareOutputs, toTolerance, type OutputMismatch, type Tolerance } from "@tern/oip";
import type { GoldenCase } from "./golden-set";
import type { InferRequest, OipTensor } from "@tern/oip";
import { errorMessage } from "../../domain/error-message";

/** Sends one OIP request to one deployment (e.g. inferViaCluster bound to a cluster and service). */
export type InferFn = (request: InferRequest) => Promise<{ outputs: OipTensor[] }>;

export interface CaseDiff {
  index: number;
  match: boolean;
  maxAbsDiff: number;
  mismatches: OutputMismatch[];
  tolerance: Tolerance;
  /** Set when a deployment did not answer (HTTP error, timeout); the case then fails. */
  error?: string;
}

export interface VerifyResult {
  /** True only when every case was compared and matched; an empty set is not a match. */
  match: boolean;
  passed: number;
  failed: number;
  errors: number;
  maxAbsDiff: number;
  cases: CaseDiff[];
}

export const DEFAULT_TOLERANCE: Tolerance = { abs: 1e-4, rel: 1e-4 };
/** Keeps a migration's evidence small: the summary counts every case, the list holds the first ones. */
const MAX_CASES_REPORTED = 50;

const message = errorMessage;

function summarize(cases: CaseDiff[]): VerifyResult {
  const failed = cases.filter((c) => !c.match).length;
  return {
    match: cases.length > 0 && failed === 0,
    passed: cases.length - failed,
    failed,
    errors: cases.filter((c) => c.error !== undefined).length,
    maxAbsDiff: cases.reduce((m, c) => Math.max(m, c.maxAbsDiff), 0),
    cases: cases.slice(0, MAX_CASES_REPORTED),
  };
}

/** Runs `fn` over items with at most `limit` in flight, keeping order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/**
 * Each case's answer against its expected outputs. Tolerance: opts.tolerance (the plan's) when given,
 * else the case's own, else DEFAULT_TOLERANCE.
 */
export async function runGoldenSet(
  goldenSet: readonly GoldenCase[],
  infer: InferFn,
  opts: { tolerance?: Tolerance; concurrency?: number } = {},
): Promise<VerifyResult> {
  const cases = await mapLimited(goldenSet, opts.concurrency ?? 4, async (c, index): Promise<CaseDiff> => {
    const tolerance = toTolerance(opts.tolerance ?? c.tolerance ?? DEFAULT_TOLERANCE);
    try {
      const actual = await infer(c.input);
      return { index, tolerance, ...compareOutputs(c.expected, actual, tolerance) };
    } catch (e) {
      return { index, tolerance, match: false, maxAbsDiff: 0, mismatches: [], error: message(e) };
    }
  });
  return summarize(cases);
}

/**
 * Shadow compare: the same sampled live inputs sent to source and target; the source's answers are the
 * expectation. A source failure is an error too (nothing to compare against), so it never counts as a pass.
 */
export async function shadowCompare(
  inputs: readonly InferRequest[],
  source: InferFn,
  target: InferFn,
  opts: { tolerance?: Tolerance; concurrency?: number } = {},
): Promise<VerifyResult> {
  const tolerance = toTolerance(opts.tolerance ?? DEFAULT_TOLERANCE);
  const cases = await mapLimited(inputs, opts.concurrency ?? 4, async (input, index): Promise<CaseDiff> => {
    const [src, dst] = await Promise.allSettled([source(input), target(input)]);
    if (src.status === "rejected")
      return { index, tolerance, match: false, maxAbsDiff: 0, mismatches: [], error: `source: ${message(src.reason)}` };
    if (dst.status === "rejected")
      return { index, tolerance, match: false, maxAbsDiff: 0, mismatches: [], error: `target: ${message(dst.reason)}` };
    return { index, tolerance, ...compareOutputs(src.value, dst.value, tolerance) };
  });
  return summarize(cases);
}
