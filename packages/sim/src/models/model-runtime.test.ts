// Real inference on the demo models: golden sets match, requests are validated with clear messages.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { compareOutputs } from "@tern/oip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArtifactPath, readDemoGoldenSet } from "./demo-files";
import { DEMO_MODELS, findDemoModel } from "./demo-manifest";
import {
  clearModelCache,
  infer,
  InferenceRequestError,
  loadModel,
  ModelLoadError,
  modelMetadata,
  type LoadedModel,
} from "./model-runtime";

let credit: LoadedModel;
let creditPath = "";
const creditEntry = findDemoModel("credit-risk", "1.0.0");
const row = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8];
const features = (over: Record<string, unknown> = {}) => ({
  name: "features",
  shape: [1, 8],
  datatype: "FP32",
  data: row,
  ...over,
});

beforeAll(async () => {
  if (!creditEntry) throw new Error("credit-risk@1.0.0 missing from the demo manifest");
  creditPath = demoArtifactPath(creditEntry);
  credit = await loadModel(creditPath);
});
afterAll(clearModelCache);

describe("loadModel", () => {
  it("reads name and version from the folder layout, and the signature from the model", () => {
    expect(credit).toMatchObject({
      name: "credit-risk",
      version: "1.0.0",
      sha256: creditEntry?.sha256,
      sizeBytes: creditEntry?.sizeBytes,
    });
    expect(modelMetadata(credit)).toEqual({
      name: "credit-risk",
      versions: ["1.0.0"],
      platform: "onnxruntime_onnx",
      inputs: [{ name: "features", datatype: "FP32", shape: [-1, 8] }],
      outputs: [{ name: "score", datatype: "FP32", shape: [-1, 1] }],
    });
  });

  it("shares one session between loads of the same bytes", async () => {
    const again = await loadModel(creditPath, { name: "renamed", version: "9" });
    expect(again.session).toBe(credit.session);
    expect(again).toMatchObject({ name: "renamed", version: "9" });
  });

  it("fails with ModelLoadError for a missing or corrupt artifact", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tern-bad-model-"));
    try {
      await expect(loadModel(path.join(dir, "nope.onnx"))).rejects.toThrow(/cannot load model .*does not exist/);
      await writeFile(path.join(dir, "junk.onnx"), "this is not a protobuf");
      await expect(loadModel(path.join(dir, "junk.onnx"))).rejects.toBeInstanceOf(ModelLoadError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("infer", () => {
  it.each(DEMO_MODELS.map((m) => [`${m.name}@${m.version}`, m] as const))(
    "%s answers its golden set",
    async (_, entry) => {
      const model = await loadModel(demoArtifactPath(entry));
      const golden = await readDemoGoldenSet(entry);
      expect(golden).toHaveLength(5);
      for (const c of golden) {
        const res = await infer(model, c.input);
        expect(res).toMatchObject({ model_name: entry.name, model_version: entry.version });
        const cmp = compareOutputs(c.expected, res, c.tolerance);
        expect(cmp.mismatches).toEqual([]);
        expect(cmp.match).toBe(true);
        expect(cmp.maxAbsDiff).toBeLessThan(1e-5);
      }
    },
  );

  it("echoes the id, accepts nested data, and returns only the requested outputs", async () => {
    const res = await infer(credit, {
      id: "req-1",
      inputs: [features({ shape: [2, 8], data: [row, row] })],
      outputs: [{ name: "score" }],
    });
    expect(res.id).toBe("req-1");
    expect(res.outputs).toHaveLength(1);
    expect(res.outputs[0]).toMatchObject({ name: "score", shape: [2, 1], datatype: "FP32" });
    const [a, b] = res.outputs[0]?.data ?? [];
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(1);
    expect(a).toBe(b);
  });

  const bad: [string, unknown, RegExp][] = [
    ["not an object", [1, 2], /must be a JSON object/],
    ["no inputs", { inputs: [] }, /"inputs" must be a non-empty array/],
    ["unknown input", { inputs: [features({ name: "feats" })] }, /has no input "feats"; its inputs are: features/],
    ["wrong datatype", { inputs: [features({ datatype: "INT64" })] }, /datatype INT64 does not match the model's FP32/],
    ["unsupported datatype", { inputs: [features({ datatype: "STRING" })] }, /"STRING" is not supported; use FP32/],
    [
      "wrong shape",
      { inputs: [features({ shape: [1, 7], data: row.slice(1) })] },
      /shape \[1,7\] does not match the model's \[-1,8\]/,
    ],
    ["wrong rank", { inputs: [features({ shape: [8] })] }, /shape \[8\] does not match/],
    [
      "too few elements",
      { inputs: [features({ shape: [2, 8] })] },
      /8 data elements do not fill shape \[2,8\] \(needs 16\)/,
    ],
    ["non-numbers", { inputs: [features({ data: [...row.slice(1), "x"] })] }, /data\[7\] is not a finite number/],
    ["negative dims", { inputs: [features({ shape: [-1, 8] })] }, /"shape" must be an array of non-negative integers/],
    ["duplicate input", { inputs: [features(), features()] }, /given more than once/],
    [
      "unknown output",
      { inputs: [features()], outputs: [{ name: "prob" }] },
      /has no output "prob"; its outputs are: score/,
    ],
    ["bad id", { id: 7, inputs: [features()] }, /"id" must be a string/],
  ];
  it.each(bad)("rejects a request with %s, naming the problem", async (_, body, message) => {
    const err: unknown = await infer(credit, body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InferenceRequestError);
    expect((err as InferenceRequestError).statusCode).toBe(400);
    expect((err as Error).message).toMatch(message);
  });

  it("rejects a request missing a required input", async () => {
    const twoInputs = {
      ...credit,
      inputs: [...credit.inputs, { name: "extra", datatype: "FP32" as const, shape: [-1, 2] }],
    };
    await expect(infer(twoInputs, { inputs: [features()] })).rejects.toThrow(/missing input "extra" \(FP32 \[-1,2\]\)/);
  });
});
