// The committed demo models' manifest (packages/sim/src/models/demo/manifest.json, written by
// build-demo-models.ts). Parsed at import so a hand-edited or stale manifest fails loudly.
import { z } from "zod";
import manifestJson from "./demo/manifest.json";

const zTensorSpec = z.object({
  name: z.string(),
  datatype: z.literal("FP32"),
  shape: z.array(z.number().int()),
});

export const ZDemoModelEntry = z.object({
  name: z.string(),
  version: z.string(),
  format: z.literal("ONNX"),
  task: z.string(),
  framework: z.string(),
  description: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().positive(),
  /** Paths relative to the demo folder (packages/sim/src/models/demo). */
  artifact: z.string(),
  goldenSet: z.string(),
  inputs: z.array(zTensorSpec),
  outputs: z.array(zTensorSpec),
});
export type DemoModelEntry = z.infer<typeof ZDemoModelEntry>;

export const ZDemoManifest = z.object({
  schemaVersion: z.literal(1),
  models: z.array(ZDemoModelEntry),
});
export type DemoManifest = z.infer<typeof ZDemoManifest>;

export const DEMO_MANIFEST: DemoManifest = ZDemoManifest.parse(manifestJson);
export const DEMO_MODELS: readonly DemoModelEntry[] = DEMO_MANIFEST.models;

export function findDemoModel(name: string, version: string): DemoModelEntry | undefined {
  return DEMO_MODELS.find((m) => m.name === name && m.version === version);
}

/** The key of a demo model in every simulated cloud's object store. */
export const demoArtifactKey = (m: Pick<DemoModelEntry, "name" | "version">) =>
  `models/${m.name}/${m.version}/model.onnx`;
