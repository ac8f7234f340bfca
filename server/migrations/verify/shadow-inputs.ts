// Inputs for the shadow compare: variations of the golden inputs (each number nudged by a small, fixed
// offset), so source and target are compared on answers nobody wrote down in advance.
import type { InferRequest } from "@tern/oip";

const OFFSETS = [0.05, -0.05, 0.1, -0.1, 0.025, -0.025, 0.2, -0.2];

export function shadowInputs(inputs: readonly InferRequest[], count: number): InferRequest[] {
  if (inputs.length === 0) return [];
  return Array.from({ length: count }, (_, i) => {
    const base = inputs[i % inputs.length]!;
    const offset = OFFSETS[i % OFFSETS.length]!;
    return {
      ...base,
      inputs: base.inputs.map((t) => ({
        ...t,
        data: t.data.map((v, j) =>
          typeof v === "number" && /^FP/.test(t.datatype) ? Math.round((v + offset * (j % 2 ? 1 : -1)) * 1e6) / 1e6 : v,
        ),
      })),
    };
  });
}
