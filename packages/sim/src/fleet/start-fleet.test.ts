// The whole fleet through its real interfaces: the HTTPS Kubernetes API (via @kubernetes/client-node and the
// written kubeconfig), the GLB's stable endpoints and weights, /metrics, the admin API and restarts.
import { execFile } from "node:child_process";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppsV1Api, CoreV1Api, KubeConfig, type V1Deployment } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSamples, parsePrometheusText } from "../metrics/parse-prometheus";
import { compareOutputs } from "@tern/oip";
import { readDemoGoldenSet } from "../models/demo-files";
import { startFleet, type Fleet } from "./start-fleet";
import { demoModel, modelDeployment, testFleetConfig, waitFor } from "./test-support";

let fleet: Fleet;
let dataDir: string;
const config = testFleetConfig({ load: { enabled: true, minRps: 20, maxRps: 20, dayLengthSeconds: 600 } });

function clients(context: string) {
  const kc = new KubeConfig();
  kc.loadFromFile(fleet.paths.kubeconfig);
  kc.setCurrentContext(context);
  return { apps: kc.makeApiClient(AppsV1Api), core: kc.makeApiClient(CoreV1Api) };
}

async function deployAndWait(context: string, name: string, opts: Omit<Parameters<typeof modelDeployment>[0], "name">) {
  const { apps, core } = clients(context);
  await core.createNamespace({ body: { metadata: { name: "models" } } }).catch(() => undefined);
  await apps.createNamespacedDeployment({
    namespace: "models",
    body: modelDeployment({ ...opts, name }) as V1Deployment,
  });
  return waitFor(`${context}/${name} available`, async () => {
    const d = await apps.readNamespacedDeployment({ namespace: "models", name });
    return d.status?.availableReplicas === (opts.replicas ?? 1) && d;
  });
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tern-fleet-"));
  fleet = await startFleet({ configPath: "unused", config, dataDir });
});

afterAll(async () => {
  await fleet?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("startFleet", () => {
  it("writes a kubeconfig with one context per cluster and a fleet manifest", async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(fleet.paths.kubeconfig);
    expect(kc.getContexts().map((c) => c.name)).toEqual(["aws-test", "gcp-test"]);
    expect(kc.getCluster("aws-test")?.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(kc.getCluster("aws-test")?.caData).toBeTruthy();
    const manifest = JSON.parse(await readFile(fleet.paths.manifest, "utf8")) as typeof fleet.manifest;
    expect(manifest.clusters.map((c) => [c.name, c.provider, c.region, c.residency[0]])).toEqual([
      ["aws-test", "AWS", "us-east-1", "us"],
      ["gcp-test", "GCP", "europe-west4", "eu"],
    ]);
    expect(manifest.glb.url).toBe(fleet.glb.url);
    const sd = JSON.parse(await readFile(fleet.paths.prometheusTargets, "utf8")) as {
      targets: string[];
      labels: Record<string, string>;
    }[];
    expect(sd.map((t) => t.labels.job)).toEqual(["tern-sim-cluster", "tern-sim-cluster", "tern-sim-glb"]);
    const nodes = await clients("gcp-test").core.listNode();
    expect(nodes.items.map((n) => n.metadata?.labels?.["nvidia.com/gpu.product"])).toEqual(["L4"]);
    expect(nodes.items[0]?.status?.allocatable?.["nvidia.com/gpu"]).toBe("2");
  });

  it("serves a deployment made through the API at the model's stable GLB endpoint, matching the golden set", async () => {
    const d = await deployAndWait("aws-test", "credit", { gpuType: "H100" });
    expect(d.status?.conditions?.find((c) => c.type === "Available")?.status).toBe("True");
    const pods = await clients("aws-test").core.listNamespacedPod({ namespace: "models", labelSelector: "app=credit" });
    expect(pods.items[0]?.spec?.nodeName).toBe("aws-test-h100-0");
    expect(await fleet.weights.getWeights("credit-risk")).toEqual([
      { cluster: "aws-test", namespace: "models", deployment: "credit", weight: 100 },
    ]);
    for (const g of await readDemoGoldenSet(demoModel())) {
      const res = await post(fleet.glb.inferUrl("credit-risk"), g.input);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Parameters<typeof compareOutputs>[1];
      expect(compareOutputs(g.expected, body, g.tolerance).match).toBe(true);
    }
  });

  it("routes by the weights set through the TrafficRouter", async () => {
    await deployAndWait("gcp-test", "credit-eu", { cloud: "gcp-europe-west4", gpuType: "L4" });
    // A newer deployment takes no traffic until weights say so.
    expect((await fleet.weights.getWeights("credit-risk")).map((b) => b.cluster)).toEqual(["aws-test"]);
    await fleet.weights.setWeights("credit-risk", [
      { cluster: "aws-test", namespace: "models", deployment: "credit", weight: 1 },
      { cluster: "gcp-test", namespace: "models", deployment: "credit-eu", weight: 3 },
    ]);
    const input = (await readDemoGoldenSet(demoModel()))[0]!.input;
    const backends: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await post(fleet.glb.inferUrl("credit-risk"), input);
      expect(res.status).toBe(200);
      backends.push(res.headers.get("x-tern-backend") ?? "");
      await res.arrayBuffer();
    }
    // Smooth weighted round robin gives exactly 1:3, but the load generator's requests share the rotation.
    const aws = backends.filter((b) => b === "aws-test/models/credit").length;
    expect(aws).toBeGreaterThanOrEqual(6);
    expect(aws).toBeLessThanOrEqual(14);
    expect(backends.filter((b) => b === "gcp-test/models/credit-eu")).toHaveLength(40 - aws);
    await expect(
      fleet.weights.setWeights("credit-risk", [{ cluster: "nope", namespace: "m", deployment: "d", weight: 1 }]),
    ).rejects.toThrow(/unknown cluster 'nope'/);
  });

  it("rolls out an image change that kubectl rollout status follows to the end", async () => {
    const kubectl = (...args: string[]) =>
      promisify(execFile)("kubectl", ["--context", "aws-test", "-n", "models", ...args], {
        env: { ...process.env, KUBECONFIG: fleet.paths.kubeconfig },
      });
    await kubectl("set", "image", "deployment/credit", "server=ghcr.io/tern/onnx-server:1.31");
    const { stdout } = await kubectl("rollout", "status", "deployment/credit", "--timeout=20s");
    expect(stdout).toMatch(/deployment "credit" successfully rolled out/);
    const { stdout: history } = await kubectl("rollout", "history", "deployment/credit");
    expect(history).toMatch(/^2\s/m);
  });

  it("counts load-generator requests per model without failures", async () => {
    const stats = await waitFor("load", () => {
      const s = fleet.load?.stats()["credit-risk"];
      return s && s.success >= 5 && s;
    });
    expect(stats.failure).toBe(0);
    const glbMetrics = parsePrometheusText(await (await fetch(`${fleet.glb.url}/metrics`)).text());
    expect(
      findSamples(glbMetrics, "tern_loadgen_requests_total", { model: "credit-risk", outcome: "success" })[0]?.value,
    ).toBeGreaterThanOrEqual(5);
    expect(
      findSamples(glbMetrics, "tern_glb_requests_total", { model: "credit-risk", code: "200" }).length,
    ).toBeGreaterThan(0);
  });

  it("exposes Prometheus metrics per cluster with serving and kube-state series", async () => {
    const url = fleet.manifest.clusters.find((c) => c.name === "aws-test")!.metricsUrl;
    const res = await fetch(url);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parsePrometheusText(await res.text());
    const sel = { cluster: "aws-test", namespace: "models", deployment: "credit", model: "credit-risk" };
    expect(m.types.get("request_predict_seconds")).toBe("histogram");
    expect(findSamples(m, "request_predict_seconds_bucket", { ...sel, le: "+Inf" })[0]?.value).toBeGreaterThan(0);
    expect(findSamples(m, "nv_inference_request_success", sel)[0]?.value).toBeGreaterThan(0);
    expect(findSamples(m, "kube_deployment_spec_replicas", sel)[0]?.value).toBe(1);
    expect(findSamples(m, "kube_deployment_status_replicas_ready", sel)[0]?.value).toBe(1);
    expect(findSamples(m, "kube_deployment_status_replicas_available", sel)[0]?.value).toBe(1);
    expect(
      findSamples(m, "kube_pod_container_resource_requests", { ...sel, resource: "nvidia_com_gpu" })[0]?.value,
    ).toBe(1);
    expect(
      findSamples(m, "kube_node_status_allocatable", { node: "aws-test-h100-0", resource: "nvidia_com_gpu" })[0]?.value,
    ).toBe(4);
  });

  it("injects faults through the admin API", async () => {
    const admin = (body: unknown) =>
      fetch(`${fleet.admin.url}/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const { apps } = clients("aws-test");
    expect((await admin({ kind: "api-outage", cluster: "aws-test" })).status).toBe(200);
    await expect(apps.readNamespacedDeployment({ namespace: "models", name: "credit" })).rejects.toThrow();
    expect((await admin({ kind: "api-outage", cluster: "aws-test", on: false })).status).toBe(200);
    await waitFor("API back", () => apps.readNamespacedDeployment({ namespace: "models", name: "credit" }));

    const dataUrl = fleet.manifest.clusters.find((c) => c.name === "gcp-test")!.dataPlane;
    const input = (await readDemoGoldenSet(demoModel()))[0]!.input;
    expect(
      (
        await admin({
          kind: "latency-spike",
          cluster: "gcp-test",
          namespace: "models",
          deployment: "credit-eu",
          ms: 250,
        })
      ).status,
    ).toBe(200);
    const t0 = performance.now();
    expect(
      (await post(`${dataUrl}/namespaces/models/deployments/credit-eu/v2/models/credit-risk/infer`, input)).status,
    ).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);

    const bad = await admin({ kind: "node-loss", cluster: "aws-test", node: "nope" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(
      /node 'nope' not found in cluster aws-test \(nodes: /,
    );
    expect((await fetch(`${fleet.admin.url}/faults`, { method: "POST", body: "{}" })).status).toBe(415);
    expect((await fetch(`${fleet.admin.url}/faults`, { method: "DELETE" })).status).toBe(200);
  });

  it("keeps the CA and tokens across a restart", async () => {
    const before = await readFile(fleet.paths.kubeconfig, "utf8");
    await fleet.stop();
    fleet = await startFleet({
      configPath: "unused",
      config: { ...config, load: { ...config.load, enabled: false } },
      dataDir,
    });
    const after = await readFile(fleet.paths.kubeconfig, "utf8");
    const secrets = (text: string) => [...text.matchAll(/(token|certificate-authority-data): (\S+)/g)].map((m) => m[2]);
    expect(secrets(after)).toEqual(secrets(before));
    // Weights set before the restart are kept too.
    expect((await fleet.weights.getWeights("credit-risk")).map((b) => b.weight)).toEqual([1, 3]);
  });
});
