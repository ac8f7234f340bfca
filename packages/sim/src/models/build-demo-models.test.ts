// The demo models are reproducible byte for byte, and the committed files are what the script makes.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoModels } from "./build-demo-models";
import { DEMO_MODELS_DIR, demoArtifactPath, readDemoGoldenSet } from "./demo-files";
import { DEMO_MANIFEST, findDemoModel, type DemoManifest } from "./demo-manifest";
import { clearModelCache } from "./model-runtime";
import { compareOutputs } from "@tern/oip";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("build-demo-models", () => {
  const dirs: string[] = [];
  const built: DemoManifest[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const dir = await mkdtemp(path.join(tmpdir(), "tern-demo-models-"));
      dirs.push(dir);
      built.push(await buildDemoModels(dir));
    }
  });
  afterAll(async () => {
    await clearModelCache();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("builds the same bytes twice, and the same as the committed files", async () => {
    const [a, b] = built;
    expect(a).toEqual(b);
    expect(a).toEqual(DEMO_MANIFEST);
    const manifestText = (dir?: string) => readFile(path.join(dir ?? DEMO_MODELS_DIR, "manifest.json"), "utf8");
    expect(await manifestText(dirs[0])).toBe(await manifestText());
    for (const m of DEMO_MANIFEST.models) {
      const [first, second, committed] = await Promise.all([
        readFile(demoArtifactPath(m, dirs[0])),
        readFile(demoArtifactPath(m, dirs[1])),
        readFile(demoArtifactPath(m)),
      ]);
      expect(sha(first)).toBe(m.sha256);
      expect(sha(second)).toBe(m.sha256);
      expect(sha(committed)).toBe(m.sha256);
      expect(committed.length).toBe(m.sizeBytes);
      expect(await readFile(path.join(dirs[0] ?? "", m.goldenSet), "utf8")).toBe(
        await readFile(path.join(dirs[1] ?? "", m.goldenSet), "utf8"),
      );
    }
  });

  it("committed golden sets agree with freshly computed ones within their tolerance", async () => {
    for (const m of DEMO_MANIFEST.models) {
      const fresh = await readDemoGoldenSet(m, dirs[0]);
      const committed = await readDemoGoldenSet(m);
      expect(committed).toHaveLength(5);
      committed.forEach((c, i) => {
        expect(c.input).toEqual(fresh[i]?.input);
        expect(compareOutputs(c.expected, fresh[i]?.expected ?? { outputs: [] }, c.tolerance).match).toBe(true);
      });
    }
  });

  it("describes real, small ONNX models with their tensors", () => {
    const names = DEMO_MANIFEST.models.map((m) => `${m.name}@${m.version}`);
    expect(names).toEqual(["credit-risk@1.0.0", "credit-risk@1.1.0", "sentiment@1.0.0", "ranker@1.0.0"]);
    for (const m of DEMO_MANIFEST.models) {
      expect(m.format).toBe("ONNX");
      expect(m.sizeBytes).toBeGreaterThan(1000);
      expect(m.sizeBytes).toBeLessThan(100_000);
    }
    expect(findDemoModel("sentiment", "1.0.0")).toMatchObject({
      inputs: [{ name: "tokens", datatype: "FP32", shape: [-1, 64] }],
      outputs: [{ name: "probabilities", datatype: "FP32", shape: [-1, 2] }],
    });
  });

  it("makes version 1.1.0 of credit-risk answer measurably differently from 1.0.0", async () => {
    const v1 = findDemoModel("credit-risk", "1.0.0");
    const v2 = findDemoModel("credit-risk", "1.1.0");
    if (!v1 || !v2) throw new Error("credit-risk versions missing from the manifest");
    expect(v1.sha256).not.toBe(v2.sha256);
    const [g1, g2] = await Promise.all([readDemoGoldenSet(v1), readDemoGoldenSet(v2)]);
    expect(g1.map((c) => c.input)).toEqual(g2.map((c) => c.input));
    const cmp = compareOutputs(g1[0]?.expected ?? { outputs: [] }, g2[0]?.expected ?? { outputs: [] }, 1e-4);
    expect(cmp.match).toBe(false);
    expect(cmp.maxAbsDiff).toBeGreaterThan(1e-3);
  });
});
