// The driver applies a HorizontalPodAutoscaler beside the Deployment by server-side apply, lists it for the sync,
// and deletes it with the deployment, against the simulated API server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimTestCluster, type SimTestCluster } from "../../test/sim-test-cluster";
import type { ModelDeploymentSpec } from "./types";

const spec: ModelDeploymentSpec = {
  namespace: "models",
  name: "credit",
  deploymentId: "cmdep9",
  modelName: "credit-risk",
  modelVersion: "1.0.0",
  versionId: "cmver9",
  image: "ghcr.io/tern/onnx-server:1.30",
  artifactUri: "sim://aws/credit.onnx",
  sha256: "c".repeat(64),
  replicas: 2,
  gpusPerReplica: 1,
  gpuType: "A100",
  latencySloMs: 100,
  autoscale: { minReplicas: 1, maxReplicas: 5, metric: "CONCURRENCY", target: 4 },
};

let sim: SimTestCluster;
beforeAll(async () => {
  sim = await startSimTestCluster({});
  sim.addNode("gpu-a", "A100", 8);
});
afterAll(() => sim.close());

describe("the deployment's HorizontalPodAutoscaler", () => {
  it("is applied by SSA with field manager tern, re-applied with new bounds, and deleted first", async () => {
    const driver = sim.driver();
    await driver.applyModelDeployment(spec);
    const hpa = sim.store.get("horizontalpodautoscalers", "models", "credit")!;
    expect(hpa.metadata.managedFields).toEqual([expect.objectContaining({ manager: "tern", operation: "Apply" })]);
    expect(hpa.spec).toMatchObject({
      scaleTargetRef: { kind: "Deployment", name: "credit" },
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [{ pods: { metric: { name: "inference_concurrency" }, target: { averageValue: "4" } } }],
    });

    await driver.applyModelDeployment({ ...spec, autoscale: { ...spec.autoscale!, maxReplicas: 8 } });
    expect(sim.store.get("horizontalpodautoscalers", "models", "credit")!.spec?.maxReplicas).toBe(8);

    const listed = await driver.list("autoscalers", { labelSelector: "app.kubernetes.io/managed-by=tern" });
    expect(listed.items).toEqual([
      expect.objectContaining({ name: "credit", deploymentId: "cmdep9", minReplicas: 1, maxReplicas: 8 }),
    ]);

    expect(await driver.deleteModelDeployment("models", "credit", "Background")).toEqual({
      deployment: "deleted",
      service: "deleted",
      autoscaler: "deleted",
    });
    expect(sim.store.get("horizontalpodautoscalers", "models", "credit")).toBeUndefined();
  });
});
