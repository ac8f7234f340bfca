// End to end through the real binaries: a simulated cluster's latency-spike fault → its /metrics → a local
// Prometheus evaluating Tern's SLO rules → a local Alertmanager → Tern's webhook receiver (recordAlertmanagerWebhook
// behind the same bearer-token check as the route) → the team's webhook, which hears the firing exactly once; when
// the fault clears, the alert is marked resolved.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  modelDeployment,
  SimClock,
  startClusterRuntime,
  tempArtifacts,
  testFleetConfig,
  waitFor,
  type ClusterRuntime,
} from "@tern/sim/testing";
import { startPrometheus, type LocalPrometheus } from "../dev-tools/local-prometheus/prometheus-process";
import { metricsTokenAccepted } from "../services/metrics/metrics-token";
import { recordAlertmanagerWebhook, ZAlertmanagerWebhook } from "../services/alerts/record-alertmanager-webhook";
import { listSloDeployments } from "../services/alerts/list-slo-deployments";
import { createTestDb, type TestDb } from "../test/test-db";
import { callerAs } from "../test/fixtures";
import { createMigrationScenario } from "../test/migration-scenario";
import {
  findAlertmanager,
  startAlertmanager,
  type LocalAlertmanager,
} from "../dev-tools/local-alertmanager/alertmanager-process";
import { renderSloRules } from "./slo-rules";

const has = (bin: string) => spawnSync(bin, ["--version"], { encoding: "utf8" }).status === 0;
const alertmanagerBin = findAlertmanager();
const ready = has("prometheus") && alertmanagerBin !== null;
if (!ready) console.warn("[slo-alert-flow] prometheus or prometheus-alertmanager missing: skipping");

const TOKEN = "alert-flow-test-token-0123456789";
const dir = mkdtempSync(path.join(tmpdir(), "tern-alert-flow-"));
let db: TestDb;
let rt: ClusterRuntime;
let cleanupArtifacts: () => Promise<void>;
const clock = new SimClock(0.02);
let prom: LocalPrometheus | undefined;
let am: LocalAlertmanager | undefined;
const servers: Server[] = [];
const teamHook: { event: string; text: string }[] = [];
const receiverStatuses: number[] = [];
let load: NodeJS.Timeout | undefined;

const listen = async (s: Server) => {
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return (s.address() as AddressInfo).port;
};
const freePort = async () => {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
};
const bodyOf = (req: import("node:http").IncomingMessage) =>
  new Promise<string>((resolve) => {
    let b = "";
    req.on("data", (c: Buffer) => (b += c.toString()));
    req.on("end", () => resolve(b));
  });

describe.skipIf(!ready)("an SLO alert from a latency spike", () => {
  beforeAll(async () => {
    db = await createTestDb();
    const fleet = testFleetConfig();
    const a = await tempArtifacts();
    cleanupArtifacts = a.cleanup;
    rt = await startClusterRuntime({ fleet, cluster: fleet.clusters[0]!, artifacts: a.stores, clock });
    rt.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "models" } });
    rt.store.create("deployments", modelDeployment({ name: "credit", replicas: 1, gpuType: "H100" }));
    await waitFor(
      "credit ready",
      () => ((rt.store.get("deployments", "models", "credit")?.status?.readyReplicas as number) ?? 0) >= 1,
    );
    // Steady traffic, so the latency histogram has rates.
    const url = `${rt.dataPlane.url}/namespaces/models/deployments/credit/v2/models/credit-risk/infer`;
    const body = JSON.stringify({
      inputs: [{ name: "features", shape: [1, 8], datatype: "FP32", data: Array(8).fill(0.5) }],
    });
    load = setInterval(() => {
      void fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
    }, 100);

    // Tern's side: a team with a webhook and a deployment whose series are this cluster's credit deployment.
    const s = await createMigrationScenario(db.prisma, "flow");
    await db.prisma.alert.deleteMany({ where: { teamId: s.teamId } }); // the team fixture's own alert row
    await db.prisma.deployment.update({
      where: { id: s.deploymentId },
      data: { namespace: "models", name: "credit", latencySloMs: 100 },
    });
    const clusterId = (await db.prisma.deployment.findUniqueOrThrow({ where: { id: s.deploymentId } })).clusterId;
    const hookPort = await listen(
      createServer((req, res) => {
        void bodyOf(req).then((b) => {
          teamHook.push({ event: String(req.headers["x-tern-event"]), text: (JSON.parse(b) as { text: string }).text });
          res.writeHead(200).end("ok");
        });
      }),
    );
    const admin = await callerAs(db.prisma, s.users.ADMIN, s.teamId);
    await admin.settings.saveWebhook({ url: `http://127.0.0.1:${hookPort}/hook`, secret: "flow-signing-secret-123" });

    // Tern's receiver, as app/api/alerts/alertmanager/route.ts checks and records.
    const receiverPort = await listen(
      createServer((req, res) => {
        void bodyOf(req).then(async (b) => {
          if (!metricsTokenAccepted(req.headers.authorization ?? null, { mode: "token", token: TOKEN })) {
            receiverStatuses.push(401);
            return res.writeHead(401).end();
          }
          const payload = ZAlertmanagerWebhook.parse(JSON.parse(b));
          await recordAlertmanagerWebhook({ prisma: db.prisma, payload, publicUrl: "http://tern.test" });
          receiverStatuses.push(200);
          res.writeHead(200).end("{}");
        });
      }),
    );

    am = await startAlertmanager({
      bin: alertmanagerBin!,
      dataDir: dir,
      port: await freePort(),
      webhookUrl: `http://127.0.0.1:${receiverPort}/api/alerts/alertmanager`,
      token: TOKEN,
      groupWaitSeconds: 1,
      groupIntervalSeconds: 2,
    });
    const rules = path.join(dir, "prometheus", "rules");
    mkdirSync(rules, { recursive: true });
    const deployments = (await listSloDeployments({ prisma: db.prisma })).filter((d) => d.id === s.deploymentId);
    writeFileSync(
      path.join(rules, "tern-slo.yml"),
      renderSloRules(deployments, { latencyForMinutes: 0, window: "10s" }),
    );
    prom = await startPrometheus({
      bins: { prometheus: "prometheus", promtool: null },
      dataDir: dir,
      port: await freePort(),
      targets: [{ job: "tern-sim", cluster: "aws-test", clusterId, url: `${rt.dataPlane.url}/metrics` }],
      scrapeIntervalSeconds: 1,
      alertmanager: new URL(am.url).host,
    });
  }, 120_000);

  afterAll(async () => {
    if (load) clearInterval(load);
    await prom?.stop();
    await am?.stop();
    for (const s of servers) s.close();
    await rt?.stop();
    clock.stop();
    await cleanupArtifacts?.();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("fires once on the spike, reaches the team webhook once, and is marked resolved when it clears", async () => {
    // Healthy first. A freshly loaded model answers its first requests slowly, which this test's 0-minute rule may
    // catch (production rules wait TERN_SLO_ALERT_MINUTES): wait until nothing fires, then for a quiet spell.
    const firingNow = () => db.prisma.alert.count({ where: { status: "FIRING" } });
    await waitFor("no alert firing while healthy", async () => (await firingNow()) === 0, 90_000);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await firingNow()).toBe(0);
    const earlier = (await db.prisma.alert.findMany({ select: { id: true } })).map((a) => a.id);
    const hooksBefore = teamHook.length;

    rt.faults.setLatencySpike("models", "credit", 300);
    const firing = await waitFor(
      "the latency alert recorded",
      async () =>
        (await db.prisma.alert.findMany({ where: { name: "TernLatencySloBreach", id: { notIn: earlier } } }))[0],
      90_000,
    );
    expect(firing).toMatchObject({ status: "FIRING", severity: "warning" });
    expect(receiverStatuses).not.toContain(401);

    rt.faults.setLatencySpike("models", "credit", 0);
    await waitFor(
      "the alert resolved",
      async () => (await db.prisma.alert.findUnique({ where: { id: firing.id } }))?.status === "RESOLVED",
      90_000,
    );
    // The resolution is claimed in the database before it is sent; wait for the team's receiver to have it.
    const since = () => teamHook.slice(hooksBefore);
    await waitFor(
      "the resolution at the team webhook",
      () => since().some((h) => h.event === "alert.resolved"),
      10_000,
    );
    await new Promise((r) => setTimeout(r, 3_000)); // Alertmanager repeats; nothing more may arrive
    const events = since().map((h) => h.event);
    expect(events.filter((e) => e === "alert.firing")).toHaveLength(1);
    expect(events.filter((e) => e === "alert.resolved")).toHaveLength(1);
    expect(since()[0]!.text).toContain("p95 latency of models/credit is above its SLO of 100 ms");
    expect(await db.prisma.alert.count({ where: { name: "TernLatencySloBreach", id: { notIn: earlier } } })).toBe(1);
  }, 200_000);
});
