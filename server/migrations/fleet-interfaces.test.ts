// The migration interfaces against a running simulated fleet, as the executor will use them: copy an artifact
// into another cloud's store over S3 (settings from the fleet's object-stores.json), deploy it there by its
// s3:// URI through the driver, verify it through services/proxy, shift traffic and wait, and the new faults.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectCluster, type ClusterDriver } from "../clusters/driver";
import { startFleet, type Fleet } from "@tern/sim/fleet";
import { testFleetConfig, waitFor } from "@tern/sim/testing";
import { readSimObjectStores } from "../dev-tools/demo/read-sim-object-stores";
import { demoArtifactKey, findDemoModel } from "@tern/sim/models";
import { readDemoGoldenSet } from "@tern/sim/models";
import { createS3ArtifactTransfer } from "./artifacts/s3-artifact-transfer";
import type { ObjectStoreSettings } from "./artifacts/store-settings";
import { inferFnFor } from "./inference/infer-via-cluster";
import { createSimTrafficRouter } from "./traffic/sim-traffic-router";
import { TrafficRouterError } from "./traffic/traffic-router";
import { parseGoldenSet } from "./verify/golden-set";
import { runGoldenSet } from "./verify/run-golden-set";

let fleet: Fleet;
let dataDir: string;
let stores: Record<string, ObjectStoreSettings>;
let gcp: ClusterDriver;
const sentiment = findDemoModel("sentiment", "1.0.0")!;
const transfer = createS3ArtifactTransfer();

const admin = (body: unknown) =>
  fetch(`${fleet.admin.url}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { applied?: string; error?: string } }));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tern-mig-"));
  fleet = await startFleet({ configPath: "unused", config: testFleetConfig({ trafficPropagationMs: 300 }), dataDir });
  stores = Object.fromEntries(await readSimObjectStores(dataDir));
  expect((await stat(fleet.paths.objectStores)).mode & 0o777).toBe(0o600);
  const c = fleet.clusters.get("gcp-test")!;
  gcp = connectCluster({
    apiServer: c.api.url,
    credentials: {
      token: c.credentials.adminToken,
      certificateAuthorityData: Buffer.from(c.credentials.caCert).toString("base64"),
    },
  });
});
afterAll(async () => {
  await fleet?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const target = { namespace: "models", service: "sentiment-eu", modelName: "sentiment" };

describe("a migration's infrastructure steps on the simulated fleet", () => {
  it("copies the artifact to the target cloud over S3, deploys it from s3://, and verifies it through the API server", async () => {
    expect(fleet.manifest.clouds.map((c) => c.objectStore.uriPrefix)).toEqual([
      "s3://aws-us-east-1/",
      "s3://gcp-europe-west4/",
    ]);
    const copied = await transfer.copy({
      source: { store: stores["aws-us-east-1"]!, uri: `sim://aws-us-east-1/${demoArtifactKey(sentiment)}` },
      target: { store: stores["gcp-europe-west4"]! },
      sha256: sentiment.sha256,
      sizeBytes: sentiment.sizeBytes,
    });
    expect(copied).toMatchObject({ targetUri: `s3://gcp-europe-west4/${demoArtifactKey(sentiment)}`, skipped: false });
    await gcp.applyModelDeployment({
      namespace: "models",
      name: "sentiment-eu",
      deploymentId: "dep-1",
      modelName: "sentiment",
      modelVersion: "1.0.0",
      versionId: "ver-1",
      image: "ghcr.io/tern/onnx-server:1.30",
      artifactUri: copied.targetUri,
      sha256: sentiment.sha256,
      replicas: 1,
      gpusPerReplica: 1,
      gpuType: "L4",
      latencySloMs: 200,
    });
    await waitFor(
      "sentiment-eu ready",
      async () => (await gcp.getDeploymentStatus("models", "sentiment-eu")).readyReplicas === 1,
    );
    const golden = parseGoldenSet(await readDemoGoldenSet(sentiment));
    expect((await runGoldenSet(golden, inferFnFor(gcp, target))).match).toBe(true);
  });

  it("injects a 5xx rate and wrong outputs on a deployment through the admin API", async () => {
    const golden = parseGoldenSet(await readDemoGoldenSet(sentiment));
    const infer = inferFnFor(gcp, target);
    expect(
      (
        await admin({
          kind: "error-rate",
          cluster: "gcp-test",
          namespace: "models",
          deployment: "sentiment-eu",
          ratio: 1,
          code: 503,
        })
      ).status,
    ).toBe(200);
    expect(await runGoldenSet(golden, infer)).toMatchObject({ match: false, errors: golden.length });
    await admin({ kind: "error-rate", cluster: "gcp-test", namespace: "models", deployment: "sentiment-eu", ratio: 0 });
    const applied = await admin({
      kind: "wrong-outputs",
      cluster: "gcp-test",
      namespace: "models",
      deployment: "sentiment-eu",
      delta: 0.05,
    });
    expect(applied.body.applied).toBe("gcp-test: outputs of models/sentiment-eu shifted by 0.05");
    const wrong = await runGoldenSet(golden, infer);
    expect(wrong).toMatchObject({ match: false, errors: 0 });
    expect(wrong.maxAbsDiff).toBeCloseTo(0.05, 3);
    await fetch(`${fleet.admin.url}/faults`, { method: "DELETE" });
    expect((await runGoldenSet(golden, infer)).match).toBe(true);
  });

  it("answers 503 from a store in outage and throttles a slow one", async () => {
    expect((await admin({ kind: "store-outage", cloud: "gcp-europe-west4" })).body.applied).toMatch(/outage/);
    const ranker = findDemoModel("ranker", "1.0.0")!;
    const req = {
      source: { store: stores["aws-us-east-1"]!, uri: `s3://aws-us-east-1/${demoArtifactKey(ranker)}` },
      target: { store: stores["gcp-europe-west4"]! },
      sha256: ranker.sha256,
      sizeBytes: ranker.sizeBytes,
    };
    await expect(transfer.copy(req)).rejects.toMatchObject({ code: "StoreUnavailable", retryable: true });
    expect((await admin({ kind: "store-outage", cloud: "gcp-europe-west4", on: false })).status).toBe(200);
    expect((await admin({ kind: "slow-store", cloud: "nope", bytesPerSecond: 1 })).body.error).toMatch(
      /unknown cloud 'nope'/,
    );
    await admin({ kind: "slow-store", cloud: "aws-us-east-1", bytesPerSecond: 100_000 });
    const state = (await (await fetch(`${fleet.admin.url}/stores`)).json()) as {
      faults: { bytesPerSecond: Record<string, number> };
    };
    expect(state.faults.bytesPerSecond).toEqual({ "aws-us-east-1": 100_000 });
    const t0 = performance.now();
    await transfer.copy(req);
    expect(performance.now() - t0).toBeGreaterThan((ranker.sizeBytes / 100_000) * 1000 * 0.8);
    await fetch(`${fleet.admin.url}/faults`, { method: "DELETE" });
  });

  it("shifts traffic through the TrafficRouter and waits until the GLB routes with the new weights", async () => {
    const router = createSimTrafficRouter({ adminUrl: fleet.admin.url, glbUrl: fleet.glb.url, pollMs: 25 });
    expect(await router.getWeights("sentiment")).toEqual([
      { cluster: "gcp-test", namespace: "models", deployment: "sentiment-eu", weight: 100 },
    ]);
    const t0 = performance.now();
    const now = await router.setWeights("sentiment", [
      { cluster: "gcp-test", namespace: "models", deployment: "sentiment-eu", weight: 50 },
    ]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250); // the fleet's 300 ms propagation
    expect(now).toEqual([{ cluster: "gcp-test", namespace: "models", deployment: "sentiment-eu", weight: 50 }]);
    const err = await router
      .setWeights("sentiment", [{ cluster: "nope", namespace: "models", deployment: "x", weight: 1 }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrafficRouterError);
    expect(err).toMatchObject({ code: "invalid", message: expect.stringMatching(/unknown cluster 'nope'/) as unknown });
    const mapped = createSimTrafficRouter({
      adminUrl: fleet.admin.url,
      glbUrl: fleet.glb.url,
      pollMs: 25,
      clusterNames: { "gcp-prod": "gcp-test" },
    });
    expect(
      (
        await mapped.setWeights("sentiment", [
          { cluster: "gcp-prod", namespace: "models", deployment: "sentiment-eu", weight: 100 },
        ])
      )[0]?.cluster,
    ).toBe("gcp-prod");
    const res = await fetch(fleet.glb.inferUrl("sentiment"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(parseGoldenSet(await readDemoGoldenSet(sentiment))[0]!.input),
    });
    expect(res.headers.get("x-tern-backend")).toBe("gcp-test/models/sentiment-eu");
    await res.arrayBuffer();
    const metrics = await (await fetch(`${fleet.glb.url}/metrics`)).text();
    expect(metrics).toMatch(
      /tern_glb_requests_total\{model="sentiment",cluster="gcp-test",namespace="models",deployment="sentiment-eu",code="200"\} [1-9]/,
    );
  });
});
