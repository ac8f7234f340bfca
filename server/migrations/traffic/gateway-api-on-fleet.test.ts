// The Gateway API TrafficRouter against a simulated fleet whose multi-cluster gateway controller watches HTTPRoutes
// on gcp-test: weights written through the driver change what the GLB routes (counted by x-tern-backend on requests
// to the model's stable endpoint), setWeights returns only once status says they are in effect, and kubectl sees
// the routes.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectCluster, type ClusterDriver } from "../../clusters/driver";
import { startFleet, type Fleet } from "@tern/sim/fleet";
import { demoArtifactKey, findDemoModel, readDemoGoldenSet } from "@tern/sim/models";
import { testFleetConfig, waitFor } from "@tern/sim/testing";
import { parseGoldenSet } from "../verify/golden-set";
import { createGatewayApiTrafficRouter } from "./gateway-api-traffic-router";
import { TrafficRouterError, type TrafficBackend, type TrafficRouter } from "./traffic-router";

const PROPAGATION_MS = 400;
const model = findDemoModel("credit-risk", "1.0.0")!;
let fleet: Fleet;
let dataDir: string;
const drivers: Record<string, ClusterDriver> = {};
let router: TrafficRouter;
let input: unknown;

const driverFor = (name: string) => {
  const c = fleet.clusters.get(name)!;
  return connectCluster({
    apiServer: c.api.url,
    credentials: {
      token: c.credentials.adminToken,
      certificateAuthorityData: Buffer.from(c.credentials.caCert).toString("base64"),
    },
  });
};

async function deploy(cluster: string, name: string, cloud: string, gpuType: string) {
  await drivers[cluster]!.applyModelDeployment({
    namespace: "models",
    name,
    deploymentId: `dep-${name}`,
    modelName: "credit-risk",
    modelVersion: model.version,
    versionId: "ver-1",
    image: "ghcr.io/tern/onnx-server:1.30",
    artifactUri: `sim://${cloud}/${demoArtifactKey(model)}`,
    sha256: model.sha256,
    replicas: 1,
    gpusPerReplica: 1,
    gpuType,
    latencySloMs: 500,
  });
}

/** Sends n requests to the model's stable GLB endpoint and counts the backends that answered. */
async function backendsOf(n: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const res = await fetch(fleet.glb.inferUrl("credit-risk"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    const b = res.headers.get("x-tern-backend") ?? "none";
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return counts;
}

const AWS = "aws-test/models/credit-risk";
const GCP = "gcp-test/models/credit-risk-eu";
const weights = (aws: number, gcp: number): TrafficBackend[] => [
  { cluster: "aws-test", namespace: "models", deployment: "credit-risk", weight: aws },
  { cluster: "gcp-test", namespace: "models", deployment: "credit-risk-eu", weight: gcp },
];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tern-gw-"));
  fleet = await startFleet({
    configPath: "unused",
    config: testFleetConfig({ trafficPropagationMs: PROPAGATION_MS, gateway: { cluster: "gcp-test" } }),
    dataDir,
  });
  for (const name of ["aws-test", "gcp-test"]) drivers[name] = driverFor(name);
  await deploy("aws-test", "credit-risk", "aws-us-east-1", "H100");
  await deploy("gcp-test", "credit-risk-eu", "gcp-europe-west4", "L4");
  for (const [c, d] of [
    ["aws-test", "credit-risk"],
    ["gcp-test", "credit-risk-eu"],
  ] as const)
    await waitFor(
      `${d} ready`,
      async () => (await drivers[c]!.getDeploymentStatus("models", d)).readyReplicas === 1,
      30_000,
    );
  input = parseGoldenSet(await readDemoGoldenSet(model))[0]!.input;
  router = createGatewayApiTrafficRouter({
    gateway: { routes: drivers["gcp-test"]!.httpRoutes, name: "gcp-test" },
    namespace: "tern-routes",
    parentRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "tern-gateway" },
    pollMs: 25,
  });
}, 60_000);
afterAll(async () => {
  await fleet?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the Gateway API TrafficRouter on a simulated fleet", () => {
  it("shifts the GLB's traffic by HTTPRoute weights, returning once the controller reports them in effect", async () => {
    expect(await router.getWeights("credit-risk")).toEqual([]); // no route yet: the GLB's default routing
    expect(await backendsOf(6)).toEqual({ [AWS]: 6 });

    let t0 = Date.now();
    expect(await router.setWeights("credit-risk", weights(0, 100))).toEqual(weights(0, 100));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(PROPAGATION_MS - 50); // waited for status, not just the write
    expect(await backendsOf(8)).toEqual({ [GCP]: 8 }); // gcp-test's own Service

    t0 = Date.now();
    await router.setWeights("credit-risk", weights(50, 50));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(PROPAGATION_MS - 50);
    const split = await backendsOf(40);
    expect(split[AWS]).toBeGreaterThan(5); // a ServiceImport of aws-test's Service
    expect(split[GCP]).toBeGreaterThan(5);

    await router.setWeights("credit-risk", weights(100, 0));
    expect(await backendsOf(8)).toEqual({ [AWS]: 8 });
    expect(await router.getWeights("credit-risk")).toEqual(weights(100, 0));

    const route = await drivers["gcp-test"]!.httpRoutes.get("tern-routes", "credit-risk");
    expect(route!.generation).toBe(3);
    expect(route!.parents[0]!.conditions.map((c) => [c.type, c.status, c.observedGeneration])).toEqual([
      ["Accepted", "True", 3],
      ["ResolvedRefs", "True", 3],
    ]);
  });

  it("fails as invalid when the controller cannot resolve a backend, and the GLB keeps routing as before", async () => {
    const err = await router
      .setWeights("credit-risk", [{ cluster: "aws-test", namespace: "models", deployment: "nope", weight: 1 }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrafficRouterError);
    expect(err).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/ResolvedRefs=False \(BackendNotFound\).*nope-aws-test/) as unknown,
    });
    expect(await backendsOf(4)).toEqual({ [AWS]: 4 });
  });

  it("an empty list deletes the route and the GLB falls back to its default routing", async () => {
    await router.setWeights("credit-risk", weights(0, 1));
    expect(await router.setWeights("credit-risk", [])).toEqual([]);
    await waitFor("default routing", async () => (await backendsOf(1))[AWS] === 1, 5_000);
  });

  const hasKubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0;
  it.skipIf(!hasKubectl)(
    "kubectl get httproute -n tern-routes lists Tern's routes on the gateway cluster",
    async () => {
      await router.setWeights("credit-risk", weights(1, 1));
      const out = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
        execFile(
          "kubectl",
          ["--kubeconfig", fleet.paths.kubeconfig, "--context", "gcp-test", "get", "httproute", "-n", "tern-routes"],
          { timeout: 20_000 },
          (_err, stdout, stderr) => resolve({ stdout, stderr }),
        ),
      );
      expect(out.stderr).toBe("");
      expect(out.stdout).toMatch(/^NAME\s+HOSTNAMES\s+AGE\ncredit-risk\s+\d+s\n$/);
    },
  );
});
