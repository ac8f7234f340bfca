// A pod loads its artifact from its own cloud's store only, by s3://<bucket>/<key> or sim://<cloud>/<key>.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArtifactKey } from "../models/demo-manifest";
import { clearModelCache } from "../models/model-runtime";
import { inspectArtifact, startModel } from "./model-loader";
import { demoModel, tempArtifacts } from "./test-support";

let env: Awaited<ReturnType<typeof tempArtifacts>>;
const credit = demoModel();
const key = demoArtifactKey(demoModel("sentiment", "1.0.0"));
beforeAll(async () => {
  env = await tempArtifacts();
});
afterAll(async () => {
  await clearModelCache();
  await env.cleanup();
});

describe("model loader", () => {
  it("loads s3://<own cloud>/<key> and the older sim:// form", async () => {
    const uri = `s3://gcp-europe-west4/${demoArtifactKey(credit)}`;
    const model = await startModel(env.stores, "gcp-europe-west4", { uri, sha256: credit.sha256 }, () =>
      Promise.resolve(),
    );
    expect(model).toMatchObject({ name: "credit-risk", version: "1.0.0", sha256: credit.sha256 });
    const facts = await inspectArtifact(env.stores, "aws-us-east-1", {
      uri: `sim://aws-us-east-1/${demoArtifactKey(credit)}`,
    });
    expect(facts.sha256).toBe(credit.sha256);
  });

  it("refuses another cloud's bucket and names where to copy it", async () => {
    await expect(inspectArtifact(env.stores, "gcp-europe-west4", { uri: `s3://aws-us-east-1/${key}` })).rejects.toThrow(
      `artifact s3://aws-us-east-1/${key} is in bucket aws-us-east-1 (cloud aws-us-east-1's store), which pods in cloud gcp-europe-west4 cannot read; copy it to s3://gcp-europe-west4/… first`,
    );
    await expect(
      inspectArtifact(env.stores, "gcp-europe-west4", { uri: `s3://gcp-europe-west4/${key}` }),
    ).rejects.toThrow(/NoSuchKey/);
    await expect(
      inspectArtifact(env.stores, "gcp-europe-west4", { uri: "s3://gcp-europe-west4/../x" }),
    ).rejects.toThrow(/use s3:\/\/<bucket>\/<key>/);
  });
});
