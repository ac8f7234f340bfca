// The chart services on a real database, against a fake Prometheus (to see the PromQL and URLs Tern sends)
// and an unused port (to see that a Prometheus that is down shows as down, never as zero).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { AppError } from "../../errors";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";
import type { ChartPanel } from "../../validation/metrics";
import { fakePrometheus, unusedPort, type FakeSeries } from "../../test/fake-prometheus";
import { getClusterCharts } from "./get-cluster-charts";
import { getDeploymentCharts } from "./get-deployment-charts";
import { getOverviewCharts } from "./get-overview-charts";
import { createRangeCache } from "../../metrics/range-cache";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;
const nowMs = Date.now();

beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "alpha");
  b = await createTeamFixture(db.prisma, "beta");
});
afterAll(async () => db?.close());

const scopeOf = (f: TeamFixture) => ({ prisma: db.prisma, teamId: f.teamId, userId: f.users.VIEWER.id });
const errorKind = (p: ChartPanel) => (p.ok ? "ok" : p.error.kind);

/**
 * Cumulative bucket rates (le in seconds) whose p50/p95/p99 are 125/350/600 ms: 41.5 of 100 requests within
 * 0.1 s, 92.5 within 0.25 s, 98.75 within 0.5 s, all within 1 s.
 */
const BUCKETS: [string, number][] = [
  ["0.1", 41.5],
  ["0.25", 92.5],
  ["0.5", 98.75],
  ["1", 100],
  ["+Inf", 100],
];

/** The fixture's deployment: 1 ready replica × 1 H100 at 2.5 USD/h, p95 350 ms (SLO 200), 4 req/s. */
function healthyAnswers(team: TeamFixture) {
  return (q: string): FakeSeries[] => {
    const dep = { tern_cluster_id: team.clusterId, namespace: "models", deployment: "d-alpha" };
    if (q.includes("tern_gpu_price_per_hour"))
      return [{ metric: { team: team.teamId, ...dep, currency: "USD" }, value: () => 2.5 }];
    if (q.includes("request_predict_seconds_bucket"))
      return BUCKETS.map(([le, v]) => ({
        metric: { ...(q.startsWith("sum by (le)") ? {} : dep), le },
        value: () => v,
      }));
    if (q.includes("kube_deployment_status_replicas_ready")) return [{ metric: dep, value: () => 1 }];
    if (q.includes("kube_node_status_allocatable") && !q.includes("kube_pod_container_resource_requests"))
      return [{ metric: { gpu_type: "H100" }, value: () => 8 }];
    if (q.includes("kube_pod_container_resource_requests")) return [{ metric: { gpu_type: "H100" }, value: () => 1 }];
    // No traffic at every 10th second of the range's past: 0 failed of 0 requests is a gap in the error ratio,
    // never 0. The last minute (and so any instant query) always has traffic.
    const idle = (t: number) => t % 10_000 === 0 && t < nowMs - 60_000;
    // The request rate sums successes and failures, so it is recognised first.
    if (q.includes("nv_inference_request_success")) return [{ metric: dep, value: (t) => (idle(t) ? 0 : 4) }];
    if (q.includes("nv_inference_request_failure")) return [{ value: (t) => (idle(t) ? 0 : 0.04) }];
    return [];
  };
}

describe("team scoping", () => {
  it("answers NOT_FOUND for another team's deployment or cluster, before asking Prometheus", async () => {
    const prom = fakePrometheus(() => []);
    const prometheus = { defaultUrl: "http://prom.test:9090", fetch: prom.fetch };
    await expect(
      getDeploymentCharts({ ...scopeOf(a), input: { id: b.deploymentId, range: "1h" }, prometheus }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" } satisfies Partial<AppError>);
    await expect(
      getClusterCharts({ ...scopeOf(a), input: { id: b.clusterId, range: "1h" }, prometheus }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(prom.calls).toEqual([]);
    const caller = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    await expect(caller.metrics.deploymentCharts({ id: b.deploymentId, range: "1h" })).rejects.toSatisfy(
      (e) => e instanceof TRPCError && e.code === "NOT_FOUND",
    );
  });

  it("refuses a range that is not one of the offered ones", async () => {
    const caller = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    await expect(caller.metrics.overview({ range: "90d" as "7d" })).rejects.toSatisfy(
      (e) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
  });
});

describe("a Prometheus that is down or missing", () => {
  it("shows as unreachable on every panel, never as zero", async () => {
    const prometheus = { defaultUrl: `http://127.0.0.1:${await unusedPort()}` };
    const d = await getDeploymentCharts({ ...scopeOf(a), input: { id: a.deploymentId, range: "1h" }, prometheus });
    for (const p of [d.latency, d.requests, d.errorRatio, d.readyReplicas, d.costPerHour, d.cumulativeCost])
      expect(errorKind(p)).toBe("unreachable");
    expect(d.latency.ok ? "" : d.latency.error.message).toMatch(
      /Prometheus at http:\/\/127\.0\.0\.1:\d+ is unreachable/,
    );
    expect(d.formula.readyReplicas).toBeNull();

    const c = await getClusterCharts({ ...scopeOf(a), input: { id: a.clusterId, range: "6h" }, prometheus });
    expect([errorKind(c.gpus), errorKind(c.costPerHour)]).toEqual(["unreachable", "unreachable"]);

    const o = await getOverviewCharts({ ...scopeOf(a), input: { range: "24h" }, prometheus });
    expect([errorKind(o.costByCloud), errorKind(o.costByModel)]).toEqual(["unreachable", "unreachable"]);
    expect(o.slo.ok).toBe(false);
    expect(o.errors.map((e) => e.kind)).toEqual(["unreachable"]);
    expect(o.totals).toEqual({ costPerHour: [], costOverRange: [], requestsPerSecond: null });
  });

  it("says how to configure one when there is none", async () => {
    const d = await getDeploymentCharts({
      ...scopeOf(a),
      input: { id: a.deploymentId, range: "15m" },
      prometheus: { defaultUrl: null },
    });
    expect(errorKind(d.latency)).toBe("not_configured");
    expect(d.latency.ok ? "" : d.latency.error.message).toContain("TERN_PROMETHEUS_URL");
  });
});

describe("charts from the shared Prometheus", () => {
  it("queries one deployment with its cluster id label and team, and shapes every panel", async () => {
    const prom = fakePrometheus(healthyAnswers(a));
    const prometheus = { defaultUrl: "http://prom.test:9090/", fetch: prom.fetch };
    const d = await getDeploymentCharts({
      ...scopeOf(a),
      input: { id: a.deploymentId, range: "1h", widthPx: 600 },
      prometheus,
      nowMs,
    });
    expect(prom.calls.every((c) => c.url.startsWith("http://prom.test:9090/api/v1/query_range"))).toBe(true);
    expect(prom.calls.every((c) => c.query.includes(`tern_cluster_id="${a.clusterId}"`))).toBe(true);
    expect(prom.calls.some((c) => c.query.includes('cluster="c-alpha"'))).toBe(false);
    expect(prom.calls.find((c) => c.query.includes("tern_gpu_price_per_hour"))?.query).toContain(`team="${a.teamId}"`);

    expect(d.window.stepSeconds).toBe(10); // 1 h over 600 px
    expect(d.sloMs).toBe(200);
    const latency = d.latency.ok ? d.latency.series : [];
    expect(latency.map((s) => s.name)).toEqual(["p50", "p95", "p99"]);
    expect(latency[1]!.points.length).toBeLessThanOrEqual(600);
    expect(latency[1]!.points.at(-1)![0]).toBe(d.window.endMs);
    expect(latency.map((s) => s.points.at(-1)![1])).toEqual([
      expect.closeTo(125, 9),
      expect.closeTo(350, 9),
      expect.closeTo(600, 9),
    ]);
    // One query for all three quantiles.
    expect(prom.calls.filter((c) => c.query.includes("_bucket"))).toHaveLength(1);
    expect(prom.calls.some((c) => c.query.includes("histogram_quantile("))).toBe(false);
    // The recording rules were asked first; this Prometheus has none, so the buckets answered.
    expect(prom.calls.filter((c) => c.query.includes("tern_deployment:request_predict_seconds:"))).toHaveLength(1);
    // NaN (no traffic at that step) is a gap, not a zero.
    const errors = d.errorRatio.ok ? d.errorRatio.series[0]!.points : [];
    expect(errors.some(([, v]) => v === null)).toBe(true);
    expect(errors.some(([, v]) => v === 0)).toBe(false);
    expect(errors.filter(([, v]) => v !== null).every(([, v]) => Math.abs(v! - 0.01) < 1e-12)).toBe(true);
    expect(d.costPerHour.ok && d.costPerHour.series.map((s) => [s.currency, s.points.at(-1)?.[1]])).toEqual([
      ["USD", 2.5],
    ]);
    // 1 h at 2.5 USD/h: 361 points, 360 steps of 10 s, each holding its point's rate until the next.
    const total = d.cumulativeCost.ok ? d.cumulativeCost.series[0]!.points.at(-1)![1]! : NaN;
    expect(total).toBeCloseTo(2.5, 6);
    expect(d.formula).toMatchObject({
      provider: "AWS",
      region: "us-east-1",
      gpuType: "H100",
      pricePerHour: 2.5,
      currency: "USD",
      readyReplicas: 1,
    });
    expect(d.formula.text).toBe(
      "1 ready replica × 1 GPU per replica × 2.50 USD per GPU-hour (AWS us-east-1, H100) = 2.50 USD per hour",
    );
  });

  it("serves a chart loaded again from the range cache, with the same answer and no query", async () => {
    const prom = fakePrometheus(healthyAnswers(a));
    const rangeCache = createRangeCache();
    const prometheus = { defaultUrl: "http://prom.test:9090/", fetch: prom.fetch, rangeCache };
    const load = () =>
      getDeploymentCharts({ ...scopeOf(a), input: { id: a.deploymentId, range: "1h" }, prometheus, nowMs });
    const first = await load();
    const sent = prom.calls.length;
    expect(sent).toBeGreaterThan(3);
    expect(await load()).toEqual(first);
    expect(prom.calls.length).toBe(sent);
    // Another team's chart is another query: never an answer from the cache.
    await getDeploymentCharts({ ...scopeOf(b), input: { id: b.deploymentId, range: "1h" }, prometheus, nowMs });
    expect(prom.calls.length).toBe(2 * sent);
  });

  it("tells 'no data yet' apart from an error", async () => {
    const prom = fakePrometheus(() => []);
    const d = await getDeploymentCharts({
      ...scopeOf(a),
      input: { id: a.deploymentId, range: "15m" },
      prometheus: { defaultUrl: "http://prom.test", fetch: prom.fetch },
      nowMs,
    });
    expect(d.requests).toEqual({ ok: true, series: [] });
    expect(d.costPerHour).toEqual({ ok: true, series: [] });
  });

  it("draws a cluster's GPUs by type and its cost", async () => {
    const prom = fakePrometheus(healthyAnswers(a));
    const c = await getClusterCharts({
      ...scopeOf(a),
      input: { id: a.clusterId, range: "6h" },
      prometheus: { defaultUrl: "http://prom.test", fetch: prom.fetch },
      nowMs,
    });
    expect(c.gpus.ok && c.gpus.series.map((s) => [s.name, s.group, s.points.at(-1)?.[1]])).toEqual([
      ["H100", "allocatable", 8],
      ["H100", "allocated", 1],
    ]);
    expect(c.costPerHour.ok && c.costPerHour.series.map((s) => [s.currency, s.points.at(-1)?.[1]])).toEqual([
      ["USD", 2.5],
    ]);
  });

  it("sums the overview by cloud and model, and lists SLO breaches worst first", async () => {
    const prom = fakePrometheus(healthyAnswers(a));
    const o = await getOverviewCharts({
      ...scopeOf(a),
      input: { range: "1h" },
      prometheus: { defaultUrl: "http://prom.test", fetch: prom.fetch },
      nowMs,
    });
    expect(o.errors).toEqual([]);
    expect(o.current.byCloud).toEqual([{ name: "AWS", currency: "USD", value: 2.5 }]);
    expect(o.current.byModel).toEqual([{ name: "m-alpha", currency: "USD", value: 2.5 }]);
    const p95Ms = o.slo.ok ? o.slo.breaches[0]?.p95Ms : undefined;
    expect(p95Ms).toBeCloseTo(350, 9);
    expect(o.slo).toEqual({
      ok: true,
      checked: 1,
      deployments: 1,
      breaches: [
        {
          deploymentId: a.deploymentId,
          name: "d-alpha",
          namespace: "models",
          cluster: "c-alpha",
          model: "m-alpha",
          p95Ms,
          sloMs: 200,
        },
      ],
    });
    expect(o.totals.costPerHour).toEqual([{ currency: "USD", value: 2.5 }]);
    expect(o.totals.requestsPerSecond).toBe(4);
  });
});

describe("a cluster with its own Prometheus", () => {
  it("queries that Prometheus without a cluster filter and prices ready replicas from the catalog", async () => {
    await db.prisma.cluster.update({
      where: { id: a.clusterId },
      data: { prometheusUrl: "http://own-prom.test:9090" },
    });
    const prom = fakePrometheus(healthyAnswers(a));
    const d = await getDeploymentCharts({
      ...scopeOf(a),
      input: { id: a.deploymentId, range: "1h" },
      prometheus: { defaultUrl: "http://prom.test", fetch: prom.fetch },
      nowMs,
    });
    expect(prom.calls.length).toBeGreaterThan(0);
    expect(prom.calls.every((c) => c.url.startsWith("http://own-prom.test:9090/"))).toBe(true);
    // No cluster filter and none of Tern's own gauges (only the recording rules' name, which operators install there).
    expect(
      prom.calls.some((c) => c.query.replace(/tern_deployment:[a-z_]+:[a-z0-9_]+/g, "").match(/cluster=|tern_/)),
    ).toBe(false);
    expect(d.costPerHour.ok && d.costPerHour.series.map((s) => [s.currency, s.points.at(-1)?.[1]])).toEqual([
      ["USD", 2.5],
    ]);
    // The overview: one ready-replicas query for all the cluster's deployments, and two instant queries.
    const before = prom.calls.length;
    const o = await getOverviewCharts({
      ...scopeOf(a),
      input: { range: "1h" },
      prometheus: { defaultUrl: "http://prom.test", fetch: prom.fetch },
      nowMs,
    });
    const asked = prom.calls.slice(before);
    expect(asked.map((c) => c.path).sort()).toEqual(["/api/v1/query", "/api/v1/query", "/api/v1/query_range"]);
    expect(asked.find((c) => c.path.endsWith("query_range"))?.query).toBe(
      'max by (namespace, deployment) (kube_deployment_status_replicas_ready{namespace=~"models",deployment=~"d-alpha"})',
    );
    expect(o.current.byCloud).toEqual([{ name: "AWS", currency: "USD", value: 2.5 }]);
    expect(o.slo.ok && o.slo.breaches.map((b) => b.name)).toEqual(["d-alpha"]);
    await db.prisma.cluster.update({ where: { id: a.clusterId }, data: { prometheusUrl: null } });
  });
});

describe("cost without a price", () => {
  it("says which price is missing instead of charting nothing", async () => {
    await db.prisma.gpuPrice.deleteMany({ where: { teamId: b.teamId } });
    const prom = fakePrometheus(healthyAnswers(b));
    const d = await getDeploymentCharts({
      ...scopeOf(b),
      input: { id: b.deploymentId, range: "1h" },
      prometheus: { defaultUrl: "http://prom.test", fetch: prom.fetch },
      nowMs,
    });
    expect(errorKind(d.costPerHour)).toBe("no_price");
    expect(d.costPerHour.ok ? "" : d.costPerHour.error.message).toContain("AWS us-east-1 H100");
    expect(d.formula.pricePerHour).toBeNull();
    expect(d.latency.ok).toBe(true);
  });
});
