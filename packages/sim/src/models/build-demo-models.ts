// Writes the demo models: real ONNX files (seeded weights, byte-for-byte reproducible), a golden set
// per model computed by running it in onnxruntime, and manifest.json. The output in ./demo is
// committed so `npm start` does not need to build it.
// CLI: tsx packages/sim/src/models/build-demo-models.ts [outDir]
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format, resolveConfig } from "prettier";
import { DEMO_MODELS_DIR, type GoldenCase } from "./demo-files";
import type { DemoManifest, DemoModelEntry } from "./demo-manifest";
import { DEMO_MODEL_SPECS, demoModelBytes, goldenInputs, type DemoModelSpec } from "./demo-specs";
import { clearModelCache, infer, loadModel } from "./model-runtime";

export const GOLDEN_TOLERANCE = 1e-4;

// Seven significant digits keep the golden files short and stable across CPUs' last-bit float
// differences, far below the 1e-4 tolerance.
const round7 = (v: number | boolean) => (typeof v === "number" ? Number(v.toPrecision(7)) : v);

/**
 * JSON exactly as `npm run format` would leave it, so formatting the repository never changes the
 * generated files and a rebuild reproduces them byte for byte. Plugins are dropped: they only
 * concern CSS classes.
 */
async function writeJson(file: string, value: unknown): Promise<void> {
  // The repository's config, wherever outDir is (a temp folder has none, and would get Prettier's defaults).
  const config = (await resolveConfig(fileURLToPath(import.meta.url))) ?? {};
  await writeFile(
    file,
    await format(JSON.stringify(value), { ...config, plugins: [], filepath: file, parser: "json" }),
  );
}

async function buildOne(spec: DemoModelSpec, outDir: string): Promise<DemoModelEntry> {
  const rel = `${spec.name}/${spec.version}`;
  const dir = path.join(outDir, spec.name, spec.version);
  await mkdir(dir, { recursive: true });
  const bytes = demoModelBytes(spec);
  const file = path.join(dir, "model.onnx");
  await writeFile(file, bytes);

  const model = await loadModel(file, { name: spec.name, version: spec.version });
  const cases: GoldenCase[] = [];
  for (const { shape, data } of goldenInputs(spec)) {
    const input = { inputs: [{ name: spec.input.name, shape, datatype: "FP32", data }] };
    const res = await infer(model, input);
    const outputs = res.outputs.map((o) => ({ ...o, data: o.data.map(round7) }));
    cases.push({ input, expected: { outputs }, tolerance: GOLDEN_TOLERANCE });
  }
  await writeJson(path.join(dir, "golden.json"), cases);

  return {
    name: spec.name,
    version: spec.version,
    format: "ONNX",
    task: spec.task,
    framework: spec.framework,
    description: spec.description,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    sizeBytes: bytes.length,
    artifact: `${rel}/model.onnx`,
    goldenSet: `${rel}/golden.json`,
    inputs: model.inputs.map((s) => ({ name: s.name, datatype: "FP32", shape: [...s.shape] })),
    outputs: model.outputs.map((s) => ({ name: s.name, datatype: "FP32", shape: [...s.shape] })),
  };
}

/** Builds every demo model into outDir (default: the committed packages/sim/src/models/demo). */
export async function buildDemoModels(outDir: string = DEMO_MODELS_DIR): Promise<DemoManifest> {
  const models: DemoModelEntry[] = [];
  for (const spec of DEMO_MODEL_SPECS) models.push(await buildOne(spec, outDir));
  const manifest: DemoManifest = { schemaVersion: 1, models };
  await writeJson(path.join(outDir, "manifest.json"), manifest);
  return manifest;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const outDir = path.resolve(process.argv[2] ?? DEMO_MODELS_DIR);
  buildDemoModels(outDir)
    .then(async (m) => {
      for (const e of m.models) console.log(`${e.name}@${e.version}  ${e.sizeBytes} B  sha256 ${e.sha256}`);
      console.log(`wrote ${m.models.length} models to ${outDir}`);
      await clearModelCache();
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
