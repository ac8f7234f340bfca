import { describe, expect, it } from "vitest";
import { parsePrometheusText } from "@tern/sim/metrics";
import { COST_FORMULA_GENERIC, costFormula, costRate, cumulativeCost, cumulativeFromRate } from "./cost";
import { currentPrices, renderTernMetrics, type TernDeployment, type TernPrice } from "./tern-metrics";

const now = new Date("2026-11-03T12:00:00Z");
const prices: TernPrice[] = [
  {
    team: "t1",
    provider: "AWS",
    region: "us-east-1",
    gpuType: "A10G",
    pricePerHour: 1.2,
    currency: "USD",
    effectiveDate: new Date("2026-01-01"),
  },
  {
    team: "t1",
    provider: "AWS",
    region: "us-east-1",
    gpuType: "A10G",
    pricePerHour: 1.01,
    currency: "USD",
    effectiveDate: new Date("2026-10-01"),
  },
  {
    team: "t1",
    provider: "AWS",
    region: "us-east-1",
    gpuType: "A10G",
    pricePerHour: 0.5,
    currency: "USD",
    effectiveDate: new Date("2027-01-01"),
  },
  { team: "t1", provider: "ALIYUN", region: "cn-hangzhou", gpuType: "A10", pricePerHour: 9.8, currency: "CNY" },
  { team: "t1", provider: "GCP", region: "europe-west4", gpuType: "L4", pricePerHour: NaN, currency: "USD" },
];
const deployments: TernDeployment[] = [
  {
    team: "t1",
    clusterId: "aws-use1-gpu",
    namespace: "models",
    deployment: "credit-risk",
    model: 'credit "risk"\\v1\n',
    gpuType: "A10G",
    gpusPerReplica: 2,
    provider: "AWS",
    region: "us-east-1",
  },
];

describe("Tern's /metrics", () => {
  it("exports the price in force now, one per team × provider × region × GPU type", () => {
    expect(currentPrices(prices, now).map((p) => [p.provider, p.pricePerHour])).toEqual([
      ["AWS", 1.01],
      ["ALIYUN", 9.8],
    ]);
  });

  it("renders gauges that a strict parser reads back, with label values escaped", () => {
    const text = renderTernMetrics({ prices, deployments, now });
    const parsed = parsePrometheusText(text);
    expect(parsed.types.get("tern_gpu_price_per_hour")).toBe("gauge");
    expect(parsed.samples.filter((s) => s.name === "tern_gpu_price_per_hour").map((s) => [s.labels, s.value])).toEqual([
      [{ team: "t1", provider: "ALIYUN", region: "cn-hangzhou", gpu_type: "A10", currency: "CNY" }, 9.8],
      [{ team: "t1", provider: "AWS", region: "us-east-1", gpu_type: "A10G", currency: "USD" }, 1.01],
    ]);
    const info = parsed.samples.find((s) => s.name === "tern_deployment_info");
    expect(info?.labels.model).toBe('credit "risk"\\v1\n');
    expect(info?.labels.gpus_per_replica).toBe("2");
    expect(info?.value).toBe(1);
    expect(parsed.samples.find((s) => s.name === "tern_deployment_gpus_per_replica")?.value).toBe(2);
    expect(text).toContain('model="credit \\"risk\\"\\\\v1\\n"');
    expect(
      text
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .every((l) => /^tern_[a-z_]+\{[^\n]*\} [0-9.]+$/.test(l)),
    ).toBe(true);
  });
});

describe("cost", () => {
  it("joins ready replicas, GPUs per replica and the price, inside Prometheus", () => {
    expect(costRate({ team: "t1", clusterId: "aws-use1-gpu" }).expr).toBe(
      "sum by (team, tern_cluster_id, namespace, deployment, currency) (" +
        'max by (tern_cluster_id, namespace, deployment) (kube_deployment_status_replicas_ready{tern_cluster_id="aws-use1-gpu"})' +
        ' * on (tern_cluster_id, namespace, deployment) group_left (team, provider, region, gpu_type) max by (team, tern_cluster_id, namespace, deployment, provider, region, gpu_type) (tern_deployment_gpus_per_replica{team="t1",tern_cluster_id="aws-use1-gpu"})' +
        ' * on (team, provider, region, gpu_type) group_left (currency) max by (team, provider, region, gpu_type, currency) (tern_gpu_price_per_hour{team="t1"}))',
    );
    expect(costRate({ team: "t1", by: "team" }).expr).toMatch(/^sum by \(team, currency\)/);
  });

  it("sums the hourly rate over a window as rectangles of the subquery resolution", () => {
    const q = cumulativeCost({ team: "t1", deployment: "credit-risk", window: "24h", resolution: "5m" });
    expect(q.unit).toBe("currency");
    expect(q.expr).toMatch(/^sum_over_time\(\(sum by .*\)\[24h:5m\]\) \* 300 \/ 3600$/);
  });

  it("builds a running total from a rate series; gaps add nothing", () => {
    expect(
      cumulativeFromRate(
        [
          [0, 3.6],
          [60_000, NaN],
          [120_000, 7.2],
          [180_000, 0],
        ],
        60,
      ),
    ).toEqual([
      [0, 0],
      [60_000, 0.06],
      [120_000, 0.06],
      [180_000, 0.06 + 0.12],
    ]);
  });

  it("says the formula in words, with the numbers when known", () => {
    const base = {
      provider: "AWS",
      region: "us-east-1",
      gpuType: "A10G",
      gpusPerReplica: 1,
      pricePerHour: 1.006,
      currency: "USD",
    };
    expect(costFormula({ ...base, readyReplicas: 2 })).toBe(
      "2 ready replicas × 1 GPU per replica × 1.006 USD per GPU-hour (AWS us-east-1, A10G) = 2.012 USD per hour",
    );
    expect(costFormula({ ...base, gpusPerReplica: 4, pricePerHour: 2.5 })).toBe(
      "cost per hour = ready replicas × 4 GPUs per replica × 2.50 USD per GPU-hour (AWS us-east-1, A10G)",
    );
    expect(COST_FORMULA_GENERIC).toContain("price per GPU-hour");
  });
});
