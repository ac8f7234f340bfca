// pods/log through the real kubectl (v1.32) against a simulated cluster whose kubelets run real model servers:
// start-up and request-summary lines, --tail, --timestamps, NotFound, -f until the container exits, --previous.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterRuntime } from "../fleet/cluster-runtime";
import { isPodReady } from "../fleet/k8s-objects";
import { modelDeployment, waitFor } from "../fleet/test-support";
import { startModelsRuntime, type ModelsRuntime } from "../testing/models-runtime";
import { hasKubectl, runKubectl } from "../testing/run-kubectl";
import { startTestCluster, type TestCluster } from "./test-cluster";

if (!hasKubectl) console.warn("[kubectl-logs.test] kubectl is not on PATH: skipping (install kubectl 1.32 to run it)");

let rt: ClusterRuntime;
let stopRuntime: ModelsRuntime["stop"] | undefined;
let cluster: TestCluster;
const kubectl = (args: string[]) => runKubectl(cluster, args, { namespace: "models" });

const podOf = (app: string) => rt.store.list("pods", { namespace: "models", labelSelector: `app=${app}` }).items[0];

describe.skipIf(!hasKubectl)("kubectl logs against a simulated cluster", () => {
  beforeAll(async () => {
    ({ rt, stop: stopRuntime } = await startModelsRuntime());
    cluster = await startTestCluster({ store: rt.store, podLogs: rt.logs });
    rt.store.create("deployments", modelDeployment({ name: "credit", gpuType: "H100" }));
    await waitFor("credit ready", () => {
      const p = podOf("credit");
      return p && isPodReady(p);
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await stopRuntime?.();
  });

  it("prints the model server's start-up, and --tail=5 exactly five lines", async () => {
    const pod = podOf("credit")!.metadata.name;
    const all = await kubectl(["logs", pod]);
    expect(all.stderr).toBe("");
    expect(all.stdout).toMatch(/^INFO {2}onnx-server 1\.30 starting \(pid 1\)/);
    expect(all.stdout).toMatch(/model credit-risk 1\.0\.0 loaded in \d+ ms; inputs: features FP32\[-1,8\]/);
    expect(all.stdout).toContain("ready: /v2/health/ready returns 200");
    const tail = await kubectl(["logs", pod, "--tail=5"]);
    expect(tail.stderr).toBe("");
    const lines = tail.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines).toEqual(all.stdout.trimEnd().split("\n").slice(-5));
    const stamped = await kubectl(["logs", pod, "--tail=1", "--timestamps"]);
    expect(stamped.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z INFO /);
  });

  it("a missing pod is NotFound, as from a real API server", async () => {
    const out = await kubectl(["logs", "no-such-pod"]);
    expect(out.code).not.toBe(0);
    expect(out.stderr.trim()).toBe(
      'error: error from server (NotFound): pods "no-such-pod" not found in namespace "models"',
    );
  });

  it("-f streams until the container crashes; the crash-looping server printed its error", async () => {
    const pod = podOf("credit")!.metadata.name;
    const following = kubectl(["logs", "-f", pod, "--tail=0"]);
    await new Promise((r) => setTimeout(r, 500));
    rt.faults.setCrashLoop("models", "credit", true);
    rt.kubelets.poke();
    const out = await following;
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("ERROR fault injected: the model server process crashed");
    expect(out.stdout.trimEnd().split("\n").at(-1)).toBe("ERROR model server exiting with code 1");
    // Back-off then a restart: the crashed instance becomes --previous.
    await waitFor("a restarted container", () => rt.logs.read(podOf("credit")!.metadata.uid, "server", true), 15_000);
    const prev = await kubectl(["logs", pod, "--previous", "--tail=1"]);
    expect(prev.stdout.trim()).toBe("ERROR model server exiting with code 1");
  });
});
