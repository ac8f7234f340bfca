// Compares two sets of OIP output tensors: a golden set's expected answers against a deployment's
// actual ones. Migration verification uses it to decide whether a target answers like the source.
import { formatShape, type OipTensor } from "./oip-types";

export interface OutputMismatch {
  output: string;
  kind: "missing" | "shape" | "datatype" | "value";
  message: string;
  index?: number;
  expected?: number | boolean;
  actual?: number | boolean;
}

export interface CompareResult {
  match: boolean;
  /** Largest |expected - actual| over all compared elements (0 when nothing numeric was compared). */
  maxAbsDiff: number;
  /** At most MAX_REPORTED entries, so one bad tensor cannot flood a migration's step log. */
  mismatches: OutputMismatch[];
}

const MAX_REPORTED = 20;

/** Per element: |actual - expected| <= abs + rel * |expected| (numpy allclose's atol and rtol). */
export interface Tolerance {
  abs: number;
  rel: number;
}

/** A bare number t means { abs: t, rel: t }: "absolute near zero, relative for large values". */
export function toTolerance(t: number | Tolerance): Tolerance {
  const tol = typeof t === "number" ? { abs: t, rel: t } : t;
  if (!(tol.abs >= 0) || !(tol.rel >= 0))
    throw new RangeError(`tolerance must be non-negative numbers (got abs ${tol.abs}, rel ${tol.rel})`);
  return tol;
}

export const formatTolerance = (t: Tolerance) => (t.abs === t.rel ? String(t.abs) : `abs ${t.abs} + rel ${t.rel}`);

type Outputs = { outputs: readonly OipTensor[] } | readonly OipTensor[];
const list = (o: Outputs): readonly OipTensor[] => ("outputs" in o ? o.outputs : o);
const num = (v: number | boolean) => (typeof v === "boolean" ? Number(v) : v);

/**
 * Every expected output must be present with the same shape and datatype, and each element must
 * satisfy |a - e| <= abs + rel * |e| (numpy allclose). Extra actual outputs are ignored.
 */
export function compareOutputs(expected: Outputs, actual: Outputs, tolerance: number | Tolerance): CompareResult {
  const tol = toTolerance(tolerance);
  const mismatches: OutputMismatch[] = [];
  let total = 0;
  const report = (m: OutputMismatch) => {
    total += 1;
    if (mismatches.length < MAX_REPORTED) mismatches.push(m);
  };
  let maxAbsDiff = 0;
  const actuals = list(actual);
  for (const exp of list(expected)) {
    const act = actuals.find((a) => a.name === exp.name);
    if (!act) {
      report({ output: exp.name, kind: "missing", message: `output "${exp.name}" is missing` });
      continue;
    }
    if (exp.datatype !== act.datatype) {
      report({
        output: exp.name,
        kind: "datatype",
        message: `output "${exp.name}" is ${act.datatype}, expected ${exp.datatype}`,
      });
      continue;
    }
    if (formatShape(exp.shape) !== formatShape(act.shape) || exp.data.length !== act.data.length) {
      report({
        output: exp.name,
        kind: "shape",
        message: `output "${exp.name}" has shape ${formatShape(act.shape)} with ${act.data.length} elements, expected ${formatShape(exp.shape)} with ${exp.data.length}`,
      });
      continue;
    }
    exp.data.forEach((ev, index) => {
      const av = act.data[index] ?? Number.NaN;
      const e = num(ev);
      const a = num(av);
      const diff = Math.abs(a - e);
      const bothNaN = Number.isNaN(a) && Number.isNaN(e);
      if (!bothNaN && !Number.isNaN(diff)) maxAbsDiff = Math.max(maxAbsDiff, diff);
      if (bothNaN || diff <= tol.abs + tol.rel * Math.abs(e)) return;
      report({
        output: exp.name,
        kind: "value",
        index,
        expected: ev,
        actual: av,
        message: `output "${exp.name}"[${index}] = ${String(av)}, expected ${String(ev)} (|diff| ${diff} > tolerance ${formatTolerance(tol)})`,
      });
    });
  }
  if (total > mismatches.length) {
    const last = mismatches[mismatches.length - 1];
    if (last) last.message += ` (and ${total - mismatches.length} more mismatches)`;
  }
  return { match: total === 0, maxAbsDiff, mismatches };
}
