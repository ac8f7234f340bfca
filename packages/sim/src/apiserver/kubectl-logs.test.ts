// pods/log through the real kubectl (v1.32) against a simulated cluster whose kubelets run real model servers:
// start-up and request-summary lines, --tail, --timestamps, NotFound, -f until the container exits, --previous.
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClusterRuntime, type ClusterRuntime } from "../fleet/cluster-runtime";
import { isPodReady } from "../fleet/k8s-objects";
import { SimClock } from "../fleet/sim-clock";
import { modelDeployment, tempArtifacts, testFleetConfig, waitFor } from "../fleet/test-support";
import { startTestCluster, type TestCluster } from "./test-cluster";

const hasKubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0;
if (!hasKubectl) console.warn("[kubectl-logs.test] kubectl is not on PATH: skipping (install kubectl 1.32 to run it)");

let rt: ClusterRuntime;
let cluster: TestCluster;
let cleanup: () => Promise<void>;
const clock = new SimClock(0.02);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the API server lives in this process, so a synchronous spawn would deadlock it. */
function kubectl(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "kubectl",
      ["--kubeconfig", cluster.kubeconfigPath, "--cache-dir", path.join(cluster.dir, "cache"), "-n", "models", ...args],
      { timeout: 20_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

const podOf = (app: string) => rt.store.list("pods", { namespace: "models", labelSelector: `app=${app}` }).items[0];

describe.skipIf(!hasKubectl)("kubectl logs against a simulated cluster", () => {
  beforeAll(async () => {
    const fleet = testFleetConfig();
    const a = await tempArtifacts();
    cleanup = a.cleanup;
    rt = await startClusterRuntime({ fleet, cluster: fleet.clusters[0]!, artifacts: a.stores, clock });
    rt.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "models" } });
    cluster = await startTestCluster({ store: rt.store, podLogs: rt.logs });
    rt.store.create("deployments", modelDeployment({ name: "credit", gpuType: "H100" }));
    await waitFor("credit ready", () => {
      const p = podOf("credit");
      return p && isPodReady(p);
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await rt?.stop();
    clock.stop();
    await cleanup?.();
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
