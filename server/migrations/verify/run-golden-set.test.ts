// Golden-set and shadow verification with the real demo models: credit-risk 1.1.0 answers differently from 1.0.0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDemoModel } from "@tern/sim/models";
import { demoArtifactPath, readDemoGoldenSet } from "@tern/sim/models";
import { clearModelCache, infer, loadModel, type LoadedModel } from "@tern/sim/models";
import { compareOutputs } from "@tern/oip";
import { parseGoldenSet, type GoldenCase } from "./golden-set";
import { runGoldenSet, shadowCompare, type InferFn } from "./run-golden-set";

let v1: LoadedModel;
let v2: LoadedModel;
let golden: GoldenCase[];
const via =
  (m: LoadedModel): InferFn =>
  (req) =>
    infer(m, req);

beforeAll(async () => {
  const e1 = findDemoModel("credit-risk", "1.0.0");
  const e2 = findDemoModel("credit-risk", "1.1.0");
  if (!e1 || !e2) throw new Error("credit-risk versions missing from the demo manifest");
  [v1, v2] = await Promise.all([loadModel(demoArtifactPath(e1)), loadModel(demoArtifactPath(e2))]);
  golden = parseGoldenSet(await readDemoGoldenSet(e1));
});
afterAll(clearModelCache);

describe("runGoldenSet", () => {
  it("passes every case on the version the golden set belongs to", async () => {
    const r = await runGoldenSet(golden, via(v1));
    expect(r).toMatchObject({ match: true, failed: 0, errors: 0, passed: golden.length });
    expect(r.maxAbsDiff).toBeLessThan(1e-4);
  });

  it("fails credit-risk 1.1.0 against 1.0.0's golden set, with a diff per case", async () => {
    const r = await runGoldenSet(golden, via(v2));
    expect(r.match).toBe(false);
    expect(r.failed).toBeGreaterThan(0);
    const bad = r.cases.find((c) => !c.match);
    expect(bad?.mismatches[0]).toMatchObject({ output: "score", kind: "value", index: 0 });
    expect(bad?.mismatches[0]?.message).toMatch(/output "score"\[0\] = .*, expected .*tolerance 0.0001/);
    expect(r.maxAbsDiff).toBeGreaterThan(1e-3);
  });

  it("applies the plan's abs/rel tolerance over the case's own", async () => {
    const loose = await runGoldenSet(golden, via(v2), { tolerance: { abs: 1, rel: 0 } });
    expect(loose.match).toBe(true);
    expect(loose.cases[0]?.tolerance).toEqual({ abs: 1, rel: 0 });
  });

  it("counts an inference failure as a failed case with its error, and an empty set as no match", async () => {
    let n = 0;
    const flaky: InferFn = async (req) => {
      if (n++ === 1) throw new Error("HTTP 503 from the target");
      return infer(v1, req);
    };
    const r = await runGoldenSet(golden, flaky, { concurrency: 1 });
    expect(r).toMatchObject({ match: false, failed: 1, errors: 1 });
    expect(r.cases[1]?.error).toBe("HTTP 503 from the target");
    expect((await runGoldenSet([], via(v1))).match).toBe(false);
  });
});

describe("shadowCompare", () => {
  const inputs = () => golden.map((c) => c.input);

  it("matches two deployments of the same version and tells 1.0.0 from 1.1.0", async () => {
    expect((await shadowCompare(inputs(), via(v1), via(v1))).match).toBe(true);
    const r = await shadowCompare(inputs(), via(v1), via(v2));
    expect(r.match).toBe(false);
    expect(r.failed).toBe(golden.length);
  });

  it("reports which side failed", async () => {
    const down: InferFn = () => Promise.reject(new Error("connection refused"));
    const r = await shadowCompare(inputs().slice(0, 1), down, via(v1));
    expect(r.cases[0]?.error).toBe("source: connection refused");
    expect((await shadowCompare(inputs().slice(0, 1), via(v1), down)).cases[0]?.error).toBe(
      "target: connection refused",
    );
  });
});

describe("golden set and tolerance parsing", () => {
  it("names the bad case", () => {
    expect(() => parseGoldenSet([{ input: { inputs: [] }, expected: { outputs: [] } }])).toThrow(
      /case 0\.input\.inputs/,
    );
    expect(() => parseGoldenSet({})).toThrow(/golden set/);
  });

  it("compares with separate absolute and relative tolerances", () => {
    const t = (v: number) => ({ outputs: [{ name: "y", shape: [1], datatype: "FP32", data: [v] }] });
    expect(compareOutputs(t(100), t(100.5), { abs: 0, rel: 0.01 }).match).toBe(true);
    expect(compareOutputs(t(100), t(100.5), { abs: 0.1, rel: 0 }).match).toBe(false);
    expect(compareOutputs(t(0), t(0.05), { abs: 0.1, rel: 0 }).match).toBe(true);
    expect(() => compareOutputs(t(1), t(1), { abs: -1, rel: 0 })).toThrow(RangeError);
  });
});
