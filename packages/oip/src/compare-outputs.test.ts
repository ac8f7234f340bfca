// compareOutputs: tolerance, mismatch kinds and the cap on reported mismatches.
import { describe, expect, it } from "vitest";
import { compareOutputs } from "./compare-outputs";

describe("compareOutputs", () => {
  const out = (data: number[], over: Record<string, unknown> = {}) => ({
    outputs: [{ name: "score", shape: [data.length, 1], datatype: "FP32", data, ...over }],
  });

  it("passes within tolerance and reports the largest difference", () => {
    const r = compareOutputs(out([0.5, 0.25]), out([0.50005, 0.25]), 1e-4);
    expect(r.match).toBe(true);
    expect(r.maxAbsDiff).toBeCloseTo(5e-5, 8);
  });

  it("lists value, shape, datatype and missing-output mismatches", () => {
    expect(compareOutputs(out([0.5, 0.25]), out([0.5, 0.3]), 1e-4).mismatches).toEqual([
      expect.objectContaining({ output: "score", kind: "value", index: 1, expected: 0.25, actual: 0.3 }),
    ]);
    expect(compareOutputs(out([0.5]), out([0.5, 0.5]), 1e-4).mismatches[0]?.kind).toBe("shape");
    expect(compareOutputs(out([0.5]), out([0.5], { datatype: "FP64" }), 1e-4).mismatches[0]?.kind).toBe("datatype");
    expect(compareOutputs(out([0.5]), { outputs: [] }, 1e-4)).toMatchObject({
      match: false,
      mismatches: [{ kind: "missing" }],
    });
  });

  it("caps the reported mismatches and rejects a negative tolerance", () => {
    const r = compareOutputs(out(Array<number>(50).fill(0)), out(Array<number>(50).fill(1)), 1e-4);
    expect(r.mismatches).toHaveLength(20);
    expect(r.mismatches[19]?.message).toMatch(/and 30 more mismatches/);
    expect(() => compareOutputs(out([1]), out([1]), -1)).toThrow(RangeError);
  });
});
