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
    const v = readEvidence({
      golden: {
        passed: 1,
        failed: 1,
        maxAbsDiff: 0.2,
        cases: [{ index: 4, match: false, maxAbsDiff: 0.2, error: "timeout" }],
      },
    });
    expect(v.golden?.[0]).toMatchObject({ index: 4, ok: false, error: "timeout" });
    expect(v.goldenSummary).toEqual({ passed: 1, failed: 1, maxAbsDiff: 0.2 });
  });

  it("separates latency figures, traffic weights and other keys", () => {
    const v = readEvidence({
      targetP95Ms: 42,
      latency: { source: 30 },
      weights: { source: 50, target: 50 },
      requests: 120,
      note: "ok",
    });
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
    expect(
      readEvidence({
        weights: [
          { name: "a", weight: 90 },
          { name: "b", weight: 10 },
        ],
      }).weights,
    ).toHaveLength(2);
  });

  it("keeps an unknown golden shape as other evidence", () => {
    expect(readEvidence({ golden: "skipped" }).other).toEqual([{ key: "golden", value: "skipped" }]);
  });
});

describe("the worker's evidence", () => {
  it("reads a verify step: golden and shadow cases with messages, latencies of the target's answers", () => {
    const v = readEvidence({
      golden: [
        {
          index: 0,
          ok: false,
          maxAbsDiff: 0.31,
          message: "output 'score'[0]: expected 0.12, got 0.43",
          expected: [0.12],
          source: [0.12],
          target: [0.43],
        },
      ],
      shadow: [{ index: 0, ok: true, maxAbsDiff: 0, message: null }],
      targetLatencyMs: [12, 30, 18],
      p95Ms: 41,
      sloMs: 120,
    });
    expect(v.golden?.[0]).toMatchObject({
      ok: false,
      error: "output 'score'[0]: expected 0.12, got 0.43",
      target: [0.43],
    });
    expect(v.shadow).toHaveLength(1);
    expect(v.latency).toEqual([
      { key: "targetLatencyMs p50", ms: 18 },
      { key: "targetLatencyMs max", ms: 30 },
      { key: "p95Ms", ms: 41 },
      { key: "sloMs", ms: 120 },
    ]);
  });

  it("reads a traffic step's weights by cluster", () => {
    const v = readEvidence({
      percent: 50,
      weights: [
        { cluster: "aws-use1-gpu", weight: 50 },
        { cluster: "lepton-h100", weight: 50 },
      ],
      requests: 300,
      errorRatio: 0,
    });
    expect(v.weights).toEqual([
      { backend: "aws-use1-gpu", weight: 50 },
      { backend: "lepton-h100", weight: 50 },
    ]);
    expect(v.other.map((o) => o.key)).toEqual(["percent", "requests", "errorRatio"]);
  });
});

describe("compactJson", () => {
  it("rounds numbers and cuts long values", () => {
    expect(compactJson([0.123456789])).toBe("[0.123457]");
    expect(compactJson("x".repeat(100), 10)).toBe("xxxxxxxxx…");
    expect(compactJson(undefined)).toBe("—");
  });
});
