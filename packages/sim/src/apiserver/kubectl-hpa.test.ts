// HorizontalPodAutoscalers through the real kubectl binary: discovery, server-side apply, the `get hpa` table,
// `describe hpa` (status, conditions, events) and `explain` from the served autoscaling/v2 schema.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasKubectl, runKubectl } from "../testing/run-kubectl";
import { rpsAutoscaler } from "../testing/rps-autoscaler";
import { deploymentManifest, startTestCluster, type TestCluster } from "./test-cluster";

let cluster: TestCluster;
const kubectl = (args: string[]) => runKubectl(cluster, args);

const HPA = rpsAutoscaler({ name: "web", namespace: "default", minReplicas: 2, maxReplicas: 6, averageValue: "5" });

describe.skipIf(!hasKubectl)("kubectl and HorizontalPodAutoscalers", () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
    cluster.store.create("deployments", deploymentManifest("web", { replicas: 2 }));
  });
  afterAll(() => cluster?.close());

  it("lists the resource in discovery with its short name", async () => {
    const res = await kubectl(["api-resources", "--api-group=autoscaling"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toMatch(/horizontalpodautoscalers\s+hpa\s+autoscaling\/v2\s+true\s+HorizontalPodAutoscaler/);
  });

  it("applies server-side, fills the defaults, and rejects bounds that cannot hold", async () => {
    const file = path.join(cluster.dir, "hpa.json");
    writeFileSync(file, JSON.stringify(HPA));
    const out = await kubectl(["apply", "--server-side", "--field-manager=tern", "-f", file]);
    expect(out.stderr).toBe("");
    expect(out.stdout.trim()).toBe("horizontalpodautoscaler.autoscaling/web serverside-applied");
    const stored = cluster.store.get("horizontalpodautoscalers", "default", "web")!;
    expect(stored.spec?.behavior).toMatchObject({
      scaleUp: { selectPolicy: "Max" },
      scaleDown: { selectPolicy: "Max" },
    });

    writeFileSync(file, JSON.stringify({ ...HPA, spec: { ...HPA.spec, minReplicas: 7 } }));
    const bad = await kubectl(["apply", "--server-side", "--field-manager=tern", "-f", file]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      'The HorizontalPodAutoscaler "web" is invalid: spec.maxReplicas: Invalid value: 6: must be greater than or equal to `minReplicas`',
    );
  });

  it("get hpa prints reference, targets, bounds and replicas", async () => {
    const before = await kubectl(["get", "hpa"]);
    expect(before.stderr).toBe("");
    expect(before.stdout).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\n/);
    expect(before.stdout).toMatch(/web\s+Deployment\/web\s+<unknown>\/5\s+2\s+6\s+0\s+\d+s/);
    cluster.store.mutate(
      "horizontalpodautoscalers",
      "default",
      "web",
      (h) => {
        h.status = {
          currentReplicas: 3,
          desiredReplicas: 3,
          lastScaleTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
          currentMetrics: [
            { type: "Pods", pods: { metric: { name: "requests_per_second" }, current: { averageValue: "7500m" } } },
          ],
          conditions: [
            {
              type: "AbleToScale",
              status: "True",
              reason: "SucceededRescale",
              message: "the HPA controller was able to update the target scale to 3",
              lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
            },
          ],
        };
      },
      { subresource: "status" },
    );
    const after = await kubectl(["get", "hpa", "web"]);
    expect(after.stdout).toMatch(/web\s+Deployment\/web\s+7500m\/5\s+2\s+6\s+3\s+\d+s/);
  });

  it("describe hpa shows metrics, conditions and events", async () => {
    const hpa = cluster.store.get("horizontalpodautoscalers", "default", "web")!;
    cluster.store.create("events", {
      metadata: { name: "web.hpa1", namespace: "default" },
      involvedObject: {
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        name: "web",
        namespace: "default",
        uid: hpa.metadata.uid,
      },
      reason: "SuccessfulRescale",
      message: "New size: 3; reason: pods metric requests_per_second above target",
      type: "Normal",
      source: { component: "horizontal-pod-autoscaler" },
      count: 1,
      firstTimestamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      lastTimestamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    });
    const out = await kubectl(["describe", "hpa", "web"]);
    expect(out.stderr).toBe("");
    expect(out.stdout).toMatch(/Reference:\s+Deployment\/web/);
    expect(out.stdout).toMatch(/"requests_per_second" on pods:\s+7500m \/ 5/);
    expect(out.stdout).toMatch(/Min replicas:\s+2\nMax replicas:\s+6/);
    expect(out.stdout).toMatch(/AbleToScale\s+True\s+SucceededRescale\s+the HPA controller was able to update/);
    expect(out.stdout).toMatch(
      /Normal\s+SuccessfulRescale\s+\S+\s+horizontal-pod-autoscaler\s+New size: 3; reason: pods metric requests_per_second above target/,
    );
  });

  it("explain reads the autoscaling/v2 schema", async () => {
    const out = await kubectl(["explain", "hpa.spec.maxReplicas"]);
    expect(out.stderr).toBe("");
    expect(out.stdout).toMatch(/GROUP:\s+autoscaling\nKIND:\s+HorizontalPodAutoscaler\nVERSION:\s+v2/);
    expect(out.stdout).toContain("FIELD: maxReplicas <integer>");
  });
});
