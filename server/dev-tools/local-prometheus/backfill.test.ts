import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dailyLoad, generateBackfill } from "./backfill";
import { fleetBackfillSeries, type NodeHistory, type WorkloadHistory } from "./fleet-backfill";
import { which, defaultEnvironment } from "./prometheus-binary";

const now = new Date("2026-11-03T12:00:07.500Z");
const id = { job: "tern-sim", instance: "127.0.0.1:16541", cluster: "aws-use1-gpu" };
const workload: WorkloadHistory = {
  ...id,
  namespace: "models",
  deployment: "credit-risk",
  model: "credit-risk",
  modelVersion: "1.0.0",
  replicas: 2,
  gpusPerReplica: 1,
  gpuType: "A10G",
  medianLatencyMs: 20,
  peakRps: 20,
};
const node: NodeHistory = { ...id, node: "aws-use1-gpu-g5-a10g-0", gpuType: "A10G", gpus: 4, region: "us-east-1" };
const tern = {
  job: "tern",
  instance: "127.0.0.1:3000",
  now,
  prices: [{ team: "t1", provider: "AWS", region: "us-east-1", gpuType: "A10G", pricePerHour: 1.01, currency: "USD" }],
  deployments: [
    {
      team: "t1",
      clusterId: "aws-use1-gpu",
      namespace: "models",
      deployment: "credit-risk",
      model: "credit-risk",
      gpuType: "A10G",
      gpusPerReplica: 1,
      provider: "AWS",
      region: "us-east-1",
    },
  ],
};

const samples = (text: string) =>
  text
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const m = /^([^{ ]+)(\{.*\})? (\S+) (\d+)$/.exec(l);
      if (!m) throw new Error(`bad line ${l}`);
      return { name: m[1]!, labels: m[2] ?? "", value: Number(m[3]), t: Number(m[4]) };
    });

describe("backfill", () => {
  const text = generateBackfill({
    series: fleetBackfillSeries({ workloads: [workload], nodes: [node], tern }),
    hours: 6,
    stepSeconds: 30,
    now,
  });

  it("is OpenMetrics promtool accepts: seconds timestamps, never after now, ending with # EOF", () => {
    expect(text.endsWith("# EOF\n")).toBe(true);
    const all = samples(text);
    const nowSec = Math.floor(now.getTime() / 1000);
    expect(Math.max(...all.map((s) => s.t))).toBeLessThan(nowSec);
    expect(Math.min(...all.map((s) => s.t))).toBe(Math.max(...all.map((s) => s.t)) - 6 * 3600);
    expect(all.every((s) => s.t % 30 === 0)).toBe(true);
  });

  it("keeps each metric family in one block (OpenMetrics requires it)", () => {
    const order = samples(text).map((s) => s.name.replace(/_(bucket|sum|count)$/, ""));
    const seen = new Set<string>();
    let prev = "";
    for (const n of order) {
      if (n !== prev) expect(seen.has(n)).toBe(false);
      seen.add(n);
      prev = n;
    }
  });

  it("uses the live series' names and labels (job, instance, cluster) so charts continue", () => {
    expect(text).toContain(
      'request_predict_seconds_bucket{job="tern-sim",instance="127.0.0.1:16541",cluster="aws-use1-gpu",namespace="models",deployment="credit-risk",model="credit-risk",model_version="1.0.0",le="0.025"}',
    );
    expect(text).toContain(
      'kube_deployment_status_replicas_ready{job="tern-sim",instance="127.0.0.1:16541",cluster="aws-use1-gpu",namespace="models",deployment="credit-risk",model="credit-risk"} 2 ',
    );
    expect(text).toContain(
      'tern_gpu_price_per_hour{job="tern",instance="127.0.0.1:3000",team="t1",provider="AWS",region="us-east-1",gpu_type="A10G",currency="USD"} 1.01 ',
    );
    expect(text).toContain("# TYPE nv_inference_request_success unknown");
  });

  it("counters never decrease and histogram buckets never exceed the +Inf bucket", () => {
    const all = samples(text);
    const byKey = new Map<string, number[]>();
    for (const s of all.filter((x) => /_(bucket|count)$|^nv_/.test(x.name))) {
      const key = s.name + s.labels;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push(s.value);
    }
    const decreases = [...byKey.values()].filter((values) => values.some((v, i) => i > 0 && v < values[i - 1]!));
    expect(byKey.size).toBe(19); // 15 buckets, _count and three nv_ counters
    expect(decreases).toEqual([]);
    const last = (le: string) =>
      all.filter((s) => s.name === "request_predict_seconds_bucket" && s.labels.includes(`le="${le}"`)).at(-1)!.value;
    expect(last("0.01")).toBeLessThanOrEqual(last("0.025"));
    expect(last("10")).toBeLessThanOrEqual(last("+Inf"));
    // A 20 ms median puts most requests under 50 ms and almost none over 250 ms.
    expect(last("0.05") / last("+Inf")).toBeGreaterThan(0.8);
    expect(last("0.25") / last("+Inf")).toBeGreaterThan(0.999);
  });

  it("follows a daily pattern: quiet at night, busy in the afternoon", () => {
    expect(dailyLoad(Date.UTC(2026, 0, 1, 3) / 1000)).toBeCloseTo(0.15, 2);
    expect(dailyLoad(Date.UTC(2026, 0, 1, 15) / 1000)).toBeCloseTo(1, 2);
  });

  it("refuses options that would write the future or an unbounded file", () => {
    expect(() => generateBackfill({ series: [], hours: 0, stepSeconds: 30, now })).toThrow(/hours/);
    expect(() => generateBackfill({ series: [], hours: 6, stepSeconds: 0.5, now })).toThrow(/step/);
    expect(() =>
      generateBackfill({
        series: [
          { type: "gauge", name: "x", labels: {}, value: 1 },
          { type: "counter", name: "x", labels: {}, ratePerSecond: 1 },
        ],
        hours: 1,
        stepSeconds: 30,
        now,
      }),
    ).toThrow(/both a gauge and a counter/);
  });

  const promtool = which("promtool", defaultEnvironment());
  it.skipIf(!promtool)("is accepted by promtool tsdb create-blocks-from openmetrics", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tern-backfill-"));
    try {
      const file = path.join(dir, "history.om");
      writeFileSync(
        file,
        generateBackfill({
          series: fleetBackfillSeries({ workloads: [workload], nodes: [node], tern }),
          hours: 6,
          stepSeconds: 30,
          now: Date.now(),
        }),
      );
      const r = spawnSync(promtool!, ["tsdb", "create-blocks-from", "openmetrics", file, path.join(dir, "data")], {
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/BLOCK ULID/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
