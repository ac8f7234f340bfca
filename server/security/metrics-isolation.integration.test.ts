// Issue 9 item 2: two teams may give a cluster and a deployment the same names; on the shared Prometheus each
// must still read only its own series. Charts filter by Tern's cluster id (tern_cluster_id), which no user
// chooses, and a cluster's "own" Prometheus URL that is the shared one under another spelling keeps the filter.
// Runs against a real Prometheus (the Debian binary) with a backfilled history of team A's deployment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fleetBackfillSeries } from "../dev-tools/local-prometheus/fleet-backfill";
import { exportTernMetrics, loadTernMetricsInput } from "../services/metrics/export-tern-metrics";
import { getDeploymentCharts } from "../services/metrics/get-deployment-charts";
import { getClusterCharts } from "../services/metrics/get-cluster-charts";
import type { PrometheusSettings } from "../services/metrics/resolve-prometheus";
import { checkPrometheusUrl } from "../services/clusters/check-cluster-urls";
import {
  prometheusBinsOrSkip,
  startBackfilledPrometheus,
  type BackfilledPrometheus,
} from "../test/backfilled-prometheus";
import { nodeHistory, SIM_SCRAPE, workloadHistory } from "../test/fleet-history";
import { lastPoint as last } from "../test/last-chart-point";
import { createTestDb, type TestDb } from "../test/test-db";
import { createTeamFixture, type TeamFixture } from "../test/fixtures";

const bins = prometheusBinsOrSkip("metrics-isolation.integration.test.ts");

const NAME = "gpu-prod";
const DEP = "ranker";

describe.skipIf(!bins)("metrics isolation between teams on the shared Prometheus", () => {
  let db: TestDb;
  let a: TeamFixture;
  let b: TeamFixture;
  let prom: BackfilledPrometheus;
  let settings: PrometheusSettings;

  beforeAll(async () => {
    db = await createTestDb();
    a = await createTeamFixture(db.prisma, "victim");
    b = await createTeamFixture(db.prisma, "copycat");
    // Team B copies team A's cluster and deployment names (names are unique per team only).
    for (const t of [a, b]) {
      await db.prisma.cluster.update({ where: { id: t.clusterId }, data: { name: NAME } });
      await db.prisma.deployment.update({ where: { id: t.deploymentId }, data: { name: DEP, replicas: 2 } });
    }
    const tern = await loadTernMetricsInput({ prisma: db.prisma });
    // Only team A's cluster runs anything: its series carry its name AND Tern's id for it, as the scrape config adds.
    const series = fleetBackfillSeries({
      workloads: [
        workloadHistory({
          cluster: NAME,
          clusterId: a.clusterId,
          deployment: DEP,
          model: "m-victim",
          replicas: 2,
          medianLatencyMs: 300,
        }),
      ],
      nodes: [nodeHistory({ cluster: NAME, clusterId: a.clusterId })],
      tern: { job: "tern", instance: SIM_SCRAPE.instance, ...tern, now: new Date() },
    });
    prom = await startBackfilledPrometheus({ bins: bins!, series, stepSeconds: 15, tmpPrefix: "tern-isolation-" });
    settings = { defaultUrl: prom.url, scrapeSeconds: 15, timeoutMs: 5000 };
  }, 60_000);

  afterAll(async () => {
    await prom?.stop();
    await db?.close();
  });

  const charts = (t: TeamFixture) =>
    getDeploymentCharts({
      prisma: db.prisma,
      teamId: t.teamId,
      userId: t.users.VIEWER.id,
      prometheus: settings,
      input: { id: t.deploymentId, range: "1h", widthPx: 300 },
    });

  it("team A sees its own latency, traffic and cost", async () => {
    const d = await charts(a);
    expect(last(d.latency, "p95")).toBeGreaterThan(200);
    expect(last(d.requests)).toBeGreaterThan(0);
    expect(last(d.costPerHour)).toBeCloseTo(5, 6);
  });

  it("team B, with the same cluster and deployment names, reads none of team A's series", async () => {
    const d = await charts(b);
    expect(last(d.latency, "p95"), "team B read team A's latency").toBeNull();
    expect(last(d.requests), "team B read team A's traffic").toBeNull();
    expect(last(d.readyReplicas)).toBeNull();
    expect(last(d.costPerHour)).toBeNull();
    const c = await getClusterCharts({
      prisma: db.prisma,
      teamId: b.teamId,
      userId: b.users.VIEWER.id,
      prometheus: settings,
      input: { id: b.clusterId, range: "1h" },
    });
    expect(
      c.gpus.ok ? c.gpus.series.flatMap((s) => s.points.filter(([, v]) => v !== null)) : [],
      "team B read team A's GPU use",
    ).toEqual([]);
  });

  it("a different spelling of the shared Prometheus URL is refused as a cluster's own, and never drops the filter", async () => {
    const port = new URL(prom.url).port;
    for (const spelling of [
      `http://localhost:${port}/`,
      `http://LOCALHOST:${port}`,
      `http://2130706433:${port}`,
      `http://[::1]:${port}/`,
    ]) {
      await expect(checkPrometheusUrl(spelling, prom.url), spelling).rejects.toThrow(
        /Tern's shared Prometheus \(TERN_PROMETHEUS_URL\)/,
      );
      // A row saved before this check: charts still treat it as the shared Prometheus, filtered by cluster id.
      await db.prisma.cluster.update({ where: { id: b.clusterId }, data: { prometheusUrl: spelling } });
      const d = await charts(b);
      expect(last(d.latency, "p95"), `${spelling} dropped the cluster filter`).toBeNull();
    }
    await db.prisma.cluster.update({ where: { id: b.clusterId }, data: { prometheusUrl: null } });
    await expect(checkPrometheusUrl("http://10.9.8.7:9090", prom.url)).resolves.toBeUndefined();
  });

  it("Tern's /metrics labels deployments by cluster id, not by the team's cluster name", async () => {
    const text = await exportTernMetrics({ prisma: db.prisma });
    expect(text).toContain(`tern_cluster_id="${a.clusterId}"`);
    expect(text).not.toContain(`cluster="${NAME}"`);
  });
});
