// The simulated HPA controller on a cluster runtime: a load step of real inference requests scales the Deployment
// up, and after the load stops it scales down only once the (short) stabilisation window has passed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../store/object-store";
import { startModelsRuntime, type ModelsRuntime } from "../testing/models-runtime";
import { rpsAutoscaler } from "../testing/rps-autoscaler";
import type { ClusterRuntime } from "./cluster-runtime";
import { getCondition } from "./k8s-objects";
import { modelDeployment, TEST_TIME_SCALE, waitFor } from "./test-support";

let rt: ClusterRuntime;
let stop: ModelsRuntime["stop"];
beforeAll(async () => ({ rt, stop } = await startModelsRuntime()));
afterAll(() => stop());

const hpa = () => rt.store.get("horizontalpodautoscalers", "models", "credit")!;
const replicas = () => rt.store.get("deployments", "models", "credit")!.spec!.replicas as number;

/** Sends `rps` inference requests per second until `stop()` (the load generator's job, made deterministic). */
function loadStep(rps: number): { stop: () => Promise<void> } {
  const url = `${rt.dataPlane.url}/namespaces/models/deployments/credit/v2/models/credit-risk/infer`;
  const body = JSON.stringify({
    inputs: [{ name: "features", shape: [1, 8], datatype: "FP32", data: Array(8).fill(0.5) }],
  });
  const inflight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const p = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  }, 1000 / rps);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inflight);
    },
  };
}

describe("the simulated HorizontalPodAutoscaler", () => {
  it("scales up under a load step and down after the stabilisation window", async () => {
    rt.store.create("deployments", modelDeployment({ name: "credit", replicas: 1, gpuType: "A10G" }));
    const windowSeconds = 150; // simulated: 3 s of wall time at this time scale
    rt.store.create(
      "horizontalpodautoscalers",
      rpsAutoscaler({
        name: "credit",
        namespace: "models",
        minReplicas: 1,
        maxReplicas: 2,
        averageValue: "4",
        scaleDownWindowSeconds: windowSeconds,
      }),
    );
    await waitFor(
      "credit ready",
      () => ((rt.store.get("deployments", "models", "credit")!.status?.readyReplicas as number | undefined) ?? 0) >= 1,
    );
    // Idle: the metric reads 0 per replica, which is below target, but min is 1.
    await waitFor("hpa has a metric", () => getCondition(hpa(), "ScalingActive")?.reason === "ValidMetricFound");
    expect(replicas()).toBe(1);

    const load = loadStep(20);
    await waitFor("scaled up to max", () => replicas() === 2, 20_000);
    const up = hpa();
    expect(up.status).toMatchObject({ desiredReplicas: 2 });
    expect(up.status?.lastScaleTime).toEqual(expect.any(String));
    await load.stop();
    const stoppedAt = Date.now();

    await waitFor("scaled down", () => replicas() === 1, 20_000);
    const waited = Date.now() - stoppedAt;
    expect(waited).toBeGreaterThanOrEqual(windowSeconds * 1000 * TEST_TIME_SCALE * 0.8);

    const events = rt.store
      .list("events", { namespace: "models", fieldSelector: "involvedObject.kind=HorizontalPodAutoscaler" })
      .items.filter((e: KubeObject) => e.reason === "SuccessfulRescale")
      .map((e) => e.message);
    expect(events).toEqual(
      expect.arrayContaining([
        "New size: 2; reason: pods metric requests_per_second above target",
        "New size: 1; reason: All metrics below target",
      ]),
    );
  }, 60_000);
});
