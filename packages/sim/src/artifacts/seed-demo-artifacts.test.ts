// Seeding puts demo models only where asked, so another cloud must copy before it can run them.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_MODELS, demoArtifactKey, findDemoModel } from "../models/demo-manifest";
import { clearModelCache, infer, loadModel } from "../models/model-runtime";
import { createArtifactStores, type ArtifactStores } from "./artifact-stores";
import { ArtifactNotFoundError } from "./errors";
import { seedDemoArtifacts } from "./seed-demo-artifacts";
import { simUri } from "./sim-uri";

let root = "";
let stores: ArtifactStores;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "tern-seed-"));
  stores = createArtifactStores(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));
afterAll(clearModelCache);

describe("seedDemoArtifacts", () => {
  it("puts each model only into its home cloud, once", async () => {
    const home = (m: { name: string }) => (m.name === "sentiment" ? ["gcp-europe-west4"] : ["aws-us-east-1"]);
    const first = await seedDemoArtifacts(stores, home);
    expect(first).toHaveLength(DEMO_MODELS.length);
    expect(first.every((s) => s.written)).toBe(true);
    const sentiment = findDemoModel("sentiment", "1.0.0");
    if (!sentiment) throw new Error("sentiment missing from the manifest");
    expect(await stores.head(simUri("gcp-europe-west4", demoArtifactKey(sentiment)))).toEqual({
      size: sentiment.sizeBytes,
      sha256: sentiment.sha256,
    });
    await expect(stores.get(simUri("aws-us-east-1", demoArtifactKey(sentiment)))).rejects.toBeInstanceOf(
      ArtifactNotFoundError,
    );

    const again = await seedDemoArtifacts(stores, home);
    expect(again.map((s) => s.written)).toEqual(DEMO_MODELS.map(() => false));
  });

  it("seeds a model a pod can load from its cloud's store, and that runs after a copy", async () => {
    const [seeded] = await seedDemoArtifacts(stores, ["aws-us-east-1"], { models: DEMO_MODELS.slice(0, 1) });
    if (!seeded) throw new Error("nothing seeded");
    expect(seeded.uri).toBe("sim://aws-us-east-1/models/credit-risk/1.0.0/model.onnx");
    const target = "sim://aliyun-cn-hangzhou/models/credit-risk/1.0.0/model.onnx";
    await stores.copy(seeded.uri, target, { expectedSha256: seeded.sha256 });
    const model = await loadModel(stores.localPath(target));
    expect(model).toMatchObject({ name: "credit-risk", version: "1.0.0", sha256: seeded.sha256 });
    const res = await infer(model, {
      inputs: [{ name: "features", shape: [1, 8], datatype: "FP32", data: [0, 0, 0, 0, 0, 0, 0, 0] }],
    });
    expect(res.outputs[0]?.shape).toEqual([1, 1]);
  });
});
