// Where the committed demo model files live on disk, and their golden sets. Separate from
// demo-manifest.ts so code that only needs the manifest (e.g. the database seed) never touches the disk.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DemoModelEntry } from "./demo-manifest";
import type { OipTensor } from "@tern/oip";

export const DEMO_MODELS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo");

export interface GoldenCase {
  input: { inputs: OipTensor[] };
  expected: { outputs: OipTensor[] };
  tolerance: number;
}

export const demoArtifactPath = (m: DemoModelEntry, dir = DEMO_MODELS_DIR) => path.join(dir, m.artifact);

export async function readDemoGoldenSet(m: DemoModelEntry, dir = DEMO_MODELS_DIR): Promise<GoldenCase[]> {
  return JSON.parse(await readFile(path.join(dir, m.goldenSet), "utf8")) as GoldenCase[];
}
