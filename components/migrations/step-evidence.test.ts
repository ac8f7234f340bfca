// Step evidence from the worker reads into golden cases, latency figures, traffic weights and the rest.
import { describe, expect, it } from "vitest";
import { compactJson, readEvidence } from "./step-evidence";

describe("readEvidence", () => {
  it("reads golden cases given as a list", () => {
    const v = readEvidence({
      golden: [
        { input: [1, 2], source: [0.5], target: [0.5], expected: [0.5], ok: true, maxAbsDiff: 0 },
        { input: [3], source: [0.1], target: [0.4], expected: [0.1], ok: false, maxAbsDiff: 0.3 },
      ],
    });
    expect(v.golden?.map((c) => [c.index, c.ok, c.maxAbsDiff])).toEqual([
      [0, true, 0],
      [1, false, 0.3],
    ]);
    expect(v.other).toEqual([]);
  });

  it("reads a verify result with cases, match and a summary", () => {
    const v = readEvidence({ golden: { passed: 1, failed: 1, maxAbsDiff: 0.2, cases: [{ index: 4, match: false, maxAbsDiff: 0.2, error: "timeout" }] } });
    expect(v.golden?.[0]).toMatchObject({ index: 4, ok: false, error: "timeout" });
    expect(v.goldenSummary).toEqual({ passed: 1, failed: 1, maxAbsDiff: 0.2 });
  });

  it("separates latency figures, traffic weights and other keys", () => {
    const v = readEvidence({ targetP95Ms: 42, latency: { source: 30 }, weights: { source: 50, target: 50 }, requests: 120, note: "ok" });
    expect(v.latency).toEqual([
      { key: "targetP95Ms", ms: 42 },
      { key: "source", ms: 30 },
    ]);
    expect(v.weights).toEqual([
      { backend: "source", weight: 50 },
      { backend: "target", weight: 50 },
    ]);
    expect(v.other).toEqual([
      { key: "requests", value: 120 },
      { key: "note", value: "ok" },
    ]);
  });

  it("reads weights shaped like HTTPRoute backendRefs", () => {
    expect(readEvidence({ weights: [{ name: "a", weight: 90 }, { name: "b", weight: 10 }] }).weights).toHaveLength(2);
  });

  it("keeps an unknown golden shape as other evidence", () => {
    expect(readEvidence({ golden: "skipped" }).other).toEqual([{ key: "golden", value: "skipped" }]);
  });
});

describe("compactJson", () => {
  it("rounds numbers and cuts long values", () => {
    expect(compactJson([0.123456789])).toBe("[0.123457]");
    expect(compactJson("x".repeat(100), 10)).toBe("xxxxxxxxx…");
    expect(compactJson(undefined)).toBe("—");
  });
});
