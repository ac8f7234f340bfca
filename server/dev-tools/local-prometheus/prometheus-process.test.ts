// Starts a real Prometheus (the Debian 2.42 binary) on a random port against a tiny static target and a
// backfill, and reads it back through the client and the PromQL templates. Skipped without the binary.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServingMetrics } from "@tern/sim/metrics";
import { generateBackfill } from "./backfill";
import { costRate, cumulativeCost } from "../../metrics/cost";
import { fleetBackfillSeries } from "./fleet-backfill";
import { createPrometheusClient, type PrometheusClient, type QueryResult } from "../../metrics/prometheus-client";
import { planPrometheus, defaultEnvironment } from "./prometheus-binary";
import { instanceOf } from "./prometheus-config";
import { startPrometheus, type LocalPrometheus } from "./prometheus-process";
import {
  desiredReplicas,
  errorRate,
  errorRatio,
  gpuAllocatable,
  gpuAllocated,
  latencyAverage,
  latencyQuantile,
  readyReplicas,
  requestRate,
} from "../../metrics/promql";
import { RUNTIME_IDS } from "../../metrics/runtime-presets";
import { renderTernMetrics } from "../../metrics/tern-metrics";

const plan = planPrometheus(defaultEnvironment());
const bins = plan.action === "use" && plan.bins.promtool ? plan.bins : null;
if (!bins)
  console.warn(
    "[skip] prometheus-process.test.ts: no prometheus/promtool binary; install with `apt-get install -y --no-install-recommends prometheus`",
  );

const CLUSTER = "aws-use1-gpu";
const CLUSTER_ID = "c0a1b2c3d4";
// Charts filter by Tern's cluster id (the tern_cluster_id label the scrape config adds), not by its name.
const scope = { cluster: CLUSTER_ID, namespace: "models", deployment: "credit-risk" };
const deployment = {
  team: "t1",
  clusterId: CLUSTER_ID,
  namespace: scope.namespace,
  deployment: scope.deployment,
  model: "credit-risk",
  gpuType: "A10G",
  gpusPerReplica: 1,
  provider: "AWS",
  region: "us-east-1",
};
const price = {
  team: "t1",
  provider: "AWS",
  region: "us-east-1",
  gpuType: "A10G",
  pricePerHour: 1.01,
  currency: "USD",
};

/** A free port outside the ones Tern and its tests reserve. */
async function freePort(): Promise<number> {
  for (;;) {
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    if (port !== 3000 && port !== 3100 && (port < 16441 || port > 16460)) return port;
  }
}

const ok = (r: QueryResult) => {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.series;
};

describe.skipIf(!bins)("local Prometheus", () => {
  let target: http.Server;
  let prom: LocalPrometheus;
  let client: PrometheusClient;
  let dataDir: string;
  const timings: Record<string, number> = {};
  const t0 = Date.now();

  beforeAll(async () => {
    // The static target: the simulator's serving metrics (which label series with their own cluster name),
    // kube-state-metrics gauges, and Tern's gauges on /tern.
    const serving = new ServingMetrics("sim-own-name");
    target = http.createServer((req, res) => {
      if (req.url === "/tern") return res.end(renderTernMetrics({ prices: [price], deployments: [deployment] }));
      for (let i = 0; i < 10; i++)
        serving.record({
          namespace: "models",
          deployment: "credit-risk",
          model: "credit-risk",
          modelVersion: "1.0.0",
          pod: "credit-risk-7d9f8c6b5-x2x4z",
          statusCode: i === 0 ? 500 : 200,
          seconds: 0.02 + i * 0.002,
        });
      res.end(
        serving.registry.render() +
          'kube_deployment_status_replicas_ready{namespace="models",deployment="credit-risk",model="credit-risk"} 2\n' +
          'kube_node_status_allocatable{node="n0",resource="nvidia_com_gpu",unit="integer"} 4\n' +
          'kube_node_labels{node="n0",label_nvidia_com_gpu_product="A10G"} 1\n' +
          'kube_pod_container_resource_requests{namespace="models",pod="credit-risk-7d9f8c6b5-x2x4z",node="n0",resource="nvidia_com_gpu",unit="integer"} 1\n' +
          'kube_pod_status_phase{namespace="models",pod="credit-risk-7d9f8c6b5-x2x4z",phase="Running"} 1\n',
      );
    });
    await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    const instance = instanceOf(base);
    dataDir = mkdtempSync(path.join(tmpdir(), "tern-prom-"));
    const history = () =>
      generateBackfill({
        series: fleetBackfillSeries({
          workloads: [
            {
              job: "tern-sim",
              instance,
              ...scope,
              cluster: CLUSTER,
              clusterId: CLUSTER_ID,
              model: "credit-risk",
              modelVersion: "1.0.0",
              replicas: 2,
              gpusPerReplica: 1,
              gpuType: "A10G",
              medianLatencyMs: 20,
              peakRps: 20,
            },
          ],
          nodes: [
            {
              job: "tern-sim",
              instance,
              cluster: CLUSTER,
              clusterId: CLUSTER_ID,
              node: "n0",
              gpuType: "A10G",
              gpus: 4,
              region: "us-east-1",
            },
          ],
          tern: { job: "tern", instance, prices: [price], deployments: [deployment], now: new Date() },
        }),
        hours: 1,
        stepSeconds: 15,
        now: Date.now(),
      });
    const t = Date.now();
    prom = await startPrometheus({
      bins: bins!,
      dataDir,
      port: await freePort(),
      targets: [{ job: "tern-sim", cluster: CLUSTER, clusterId: CLUSTER_ID, url: `${base}/metrics` }],
      ternUrl: `${base}/tern`,
      backfill: history,
    });
    timings.startWithBackfillMs = Date.now() - t;
    client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 5000 });
  }, 30_000);

  afterAll(async () => {
    await prom?.stop();
    target?.closeAllConnections();
    await new Promise<void>((r) => target?.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`[timings] ${JSON.stringify({ ...timings, totalMs: Date.now() - t0 })}`);
  });

  it("serves the backfilled history at once, continuous with the live labels", async () => {
    expect(prom.fresh).toBe(true);
    expect(prom.backfilled).toBe(true);
    const now = Date.now();
    const q = latencyQuantile({ ...scope, window: "1m", quantile: 0.95 });
    const series = ok(await client.queryRange(q.expr, now - 3_600_000, now - 60_000, 15));
    expect(series).toHaveLength(1);
    expect(series[0]!.points.length).toBeGreaterThan(200);
    // A 20 ms median that slows with load: p95 between 20 and 100 ms.
    for (const [, v] of series[0]!.points) expect(v > 20 && v < 100).toBe(true);
    const cost = ok(await client.query(costRate({ team: "t1", clusterId: CLUSTER_ID }).expr, now - 600_000));
    expect(cost.map((s) => [s.labels.deployment, s.labels.currency, s.points[0]![1]])).toEqual([
      ["credit-risk", "USD", 2.02],
    ]);
    // Half an hour of 2 replicas × 1 GPU × 1.01 USD/h ≈ 1.01 USD.
    const total = ok(
      await client.query(
        cumulativeCost({ team: "t1", window: "30m", resolution: "1m", by: "team" }).expr,
        now - 300_000,
      ),
    );
    expect(total[0]!.points[0]![1]).toBeCloseTo(1.01, 1);
    const gpus = ok(await client.query(gpuAllocatable({ cluster: CLUSTER_ID }).expr, now - 600_000));
    expect(gpus.map((s) => [s.labels.gpu_type, s.points[0]![1]])).toEqual([["A10G", 4]]);
  });

  it("scrapes the live target within seconds, labelled with Tern's cluster name only", async () => {
    const t = Date.now();
    for (;;) {
      const up = ok(await client.query('up{job="tern-sim"}'));
      if (up[0]?.points[0]?.[1] === 1) break;
      if (Date.now() - t > 20_000) throw new Error("no scrape within 20 s");
      await new Promise((r) => setTimeout(r, 250));
    }
    timings.firstScrapeAfterReadyMs = Date.now() - t;
    const live = ok(await client.query('nv_inference_request_success{pod="credit-risk-7d9f8c6b5-x2x4z"}'));
    expect(live[0]?.labels).toMatchObject({
      cluster: CLUSTER,
      tern_cluster_id: CLUSTER_ID,
      job: "tern-sim",
      deployment: "credit-risk",
    });
    expect(ok(await client.query('count({exported_cluster!=""})'))).toEqual([]);
    expect(ok(await client.query(readyReplicas(scope).expr))[0]!.points[0]![1]).toBe(2);
  }, 30_000);

  it("every template is valid PromQL for every runtime (Prometheus parses and runs them)", async () => {
    const t = Date.now();
    const queries = [
      readyReplicas(scope),
      desiredReplicas(scope),
      gpuAllocatable({ cluster: CLUSTER_ID }),
      gpuAllocated({ cluster: CLUSTER_ID }),
      gpuAllocated(),
      costRate({ team: "t1" }),
      cumulativeCost({ team: "t1", window: "1h" }),
    ];
    for (const runtime of RUNTIME_IDS) {
      const p = { ...scope, window: "1m", runtime };
      for (const build of [
        () => latencyQuantile({ ...p, quantile: 0.99 }),
        () => latencyAverage(p),
        () => requestRate(p),
        () => errorRate(p),
        () => errorRatio(p),
      ]) {
        try {
          queries.push(build());
        } catch {
          // refused by design for this runtime (tested in promql.test.ts)
        }
      }
    }
    const results = await Promise.all(queries.map((q) => client.query(q.expr)));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    timings.templatesMs = Date.now() - t;
    expect(queries.length).toBeGreaterThan(30);
    const rate = ok(await client.query(requestRate({ ...scope, window: "1m" }).expr));
    expect(rate[0]!.points[0]![1]).toBeGreaterThan(0);
    const q = await client.query("sum(rate(up[5m]) by (");
    expect(!q.ok && q.error.kind).toBe("bad_query");
  });

  it("reloads when targets change", async () => {
    await prom.reload([{ job: "tern-sim", cluster: "gcp-euw4-gpu", url: "http://127.0.0.1:1/metrics" }]);
    const res = await fetch(`${prom.url}/api/v1/status/config`);
    const body = (await res.json()) as { data: { yaml: string } };
    expect(body.data.yaml).toContain("job_name: tern-sim-gcp-euw4-gpu-0");
    expect(body.data.yaml).not.toContain(CLUSTER);
  });

  it("shows a stopped Prometheus as unreachable", async () => {
    await prom.stop();
    const r = await client.query("up");
    expect(!r.ok && r.error.kind).toBe("unreachable");
  });
});
