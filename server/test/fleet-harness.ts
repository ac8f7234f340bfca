// The demo fleet as `npm start` runs it, in-process on free ports: a real local Prometheus, the demo team and
// Tern's workers (reconciler, status sync, migration worker) with the real ports. Shared by the migration
// integration test and the migrations bench.
import { createServer } from "node:net";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_FLEET_CONFIG, loadFleetConfig, startFleet, type Fleet } from "@tern/sim/fleet";
import { createTestDb, type TestDb } from "./test-db";
import { callerAs } from "./fixtures";
import { seedDemo } from "../dev-tools/demo/seed-demo";
import { registerSimFleet } from "../dev-tools/demo/register-sim-fleet";
import { startLocalPrometheus } from "../cli/start-prometheus";
import { LOCAL_CLUSTER_SCRAPE_SECONDS } from "../dev-tools/local-prometheus/prometheus-config";
import { startDeploymentReconciler } from "../workers/deployment-reconciler";
import { startStatusSync } from "../workers/status-sync";
import { startMigrationWorker, type MigrationWorker } from "../workers/migration-worker";
import { createMigrationPorts } from "../services/migrations/migration-ports";
import type { PrismaClient } from "../generated/prisma/client";
import type { MigrationRequestInput } from "../validation/migration";
import { createSimTrafficRouter } from "../migrations/traffic/sim-traffic-router";
import { createGatewayApiTrafficRouter } from "../migrations/traffic/gateway-api-traffic-router";
import { connectGatewayCluster } from "../services/migrations/connect-gateway-cluster";
import { configureTrafficRouter } from "../services/migrations/traffic-router-from-env";
import { DEMO_USERS } from "../dev-tools/demo/demo-users";

export const FLEET_CONFIG = DEMO_FLEET_CONFIG;

export interface LoadCounts {
  sent: number;
  success: number;
  failure: number;
  /** The load generator's last few failures (time, backend, error). */
  recentFailures?: { at: string; backend: string; error: string }[];
  /** The last failed request's error, as the load generator saw it. */
  lastError?: string;
}

export interface FleetHarness {
  fleet: Fleet;
  db: TestDb;
  teamId: string;
  /** The in-process migration worker; null with `migrationWorker: false` (a test runs its own, e.g. in a child). */
  worker: MigrationWorker | null;
  /** The local Prometheus every cluster's series go to, as the workers' PrometheusSettings name it. */
  prometheus: { defaultUrl: string; scrapeSeconds: number };
  manifest: { admin: { url: string }; glb: { url: string } };
  /** A demo user of that role (OPERATOR, APPROVER, ADMIN, …). */
  user(role: string): Promise<{ id: string; email: string }>;
  caller(role: string): Promise<Awaited<ReturnType<typeof callerAs>>>;
  /** The load generator's counts for one model (it sends to the model's stable GLB endpoint only). */
  load(model: string): Promise<LoadCounts>;
  loadAll(): Promise<Record<string, LoadCounts>>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

export async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  pollMs = 500,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export interface FleetHarnessOptions {
  /** Requests per second per model, steady (load.minRps = load.maxRps). */
  rps?: number;
  timeScale?: number;
  workerTickMs?: number;
  /** false: no migration worker in this process (the reconciler and status sync still run). */
  migrationWorker?: boolean;
  /** gateway-api: traffic moves through HTTPRoutes on the fleet's gateway cluster (its simulated controller). */
  router?: "sim" | "gateway-api";
  log?: (m: string) => void;
}

export async function startFleetHarness(o: FleetHarnessOptions = {}): Promise<FleetHarness> {
  const stops: (() => unknown)[] = [];
  const dataDir = await mkdtemp(path.join(tmpdir(), "tern-fleet-mig-"));
  const config = await loadFleetConfig(FLEET_CONFIG);
  const rps = o.rps ?? 12;
  // The demo fleet on free ports, faster pulls and loads, and a steady load so every model gets requests.
  const free = {
    ...config,
    glbPort: 0,
    adminPort: 0,
    s3Port: 0,
    timeScale: o.timeScale ?? 0.05,
    load: { ...config.load, enabled: true, minRps: rps, maxRps: rps },
    clusters: config.clusters.map((c) => ({ ...c, port: 0 })),
  };
  const fleet = await startFleet({ configPath: FLEET_CONFIG, config: free, dataDir, workloads: false });
  const db = await createTestDb();
  let prom: { url: string; stop(): Promise<void> } | null = null;
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    await prom?.stop();
    await fleet.stop();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const teamId = (await seedDemo({ prisma: db.prisma, modelHomes: config.modelHomes })).teamId!;
    await registerSimFleet({ prisma: db.prisma, teamId, dataDir, log: () => {} });
    // Series carry Tern's cluster ids (tern_cluster_id), as `npm start` labels them.
    const clusterIds = Object.fromEntries(
      (await db.prisma.cluster.findMany({ where: { teamId }, select: { id: true, name: true } })).map((c) => [
        c.name,
        c.id,
      ]),
    );
    const started = await startLocalPrometheus({
      dataDir,
      port: await freePort(),
      appPort: "1",
      withFleet: true,
      clusterIds,
      log: () => {},
    });
    if (!started) throw new Error("the local Prometheus did not start (is the prometheus binary installed?)");
    prom = started;
    const settings = { defaultUrl: started.url, scrapeSeconds: LOCAL_CLUSTER_SCRAPE_SECONDS };
    const reconciler = startDeploymentReconciler({ prisma: db.prisma });
    const log = o.log ?? ((m: string) => console.log(`[test] ${m}`));
    const sync = startStatusSync({ prisma: db.prisma, log });
    const manifest = JSON.parse(await readFile(path.join(dataDir, "sim", "fleet.json"), "utf8")) as {
      admin: { url: string };
      glb: { url: string };
    };
    const gw = fleet.config.gateway;
    if (o.router === "gateway-api" && !gw)
      throw new Error("the fleet config has no gateway for the gateway-api router");
    const router =
      o.router === "gateway-api" && gw
        ? createGatewayApiTrafficRouter({
            gateway: () => connectGatewayCluster({ cluster: gw.cluster, prisma: db.prisma }),
            namespace: gw.namespace,
            parentRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: gw.name },
          })
        : createSimTrafficRouter({ adminUrl: manifest.admin.url, glbUrl: manifest.glb.url });
    configureTrafficRouter(router); // what plans check; npm start finds it from TERN_DATA_DIR
    const worker =
      o.migrationWorker === false
        ? null
        : startMigrationWorker({
            prisma: db.prisma,
            ports: createMigrationPorts({ prisma: db.prisma, router, prometheus: settings }),
            tickMs: o.workerTickMs ?? 500,
            log,
          });
    stops.push(
      () => worker?.stop(),
      () => reconciler.stop(),
      () => sync.stop(),
    );
    const user = async (role: string) => {
      const u = DEMO_USERS.find((d) => d.role === role)!;
      return db.prisma.user.findUniqueOrThrow({ where: { email: u.email }, select: { id: true, email: true } });
    };
    const loadAll = async () =>
      (
        (await (await fetch(`${fleet.admin.url}/load`)).json()) as {
          models: Record<string, LoadCounts>;
        }
      ).models;
    return {
      fleet,
      db,
      teamId,
      worker,
      prometheus: settings,
      manifest,
      user,
      caller: async (role) => callerAs(db.prisma, await user(role), teamId),
      loadAll,
      load: async (model) => (await loadAll())[model] ?? { sent: 0, success: 0, failure: 0 },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

const ENDED = ["SUCCEEDED", "ROLLED_BACK", "FAILED", "CANCELLED"];

/** Requests a migration as the demo operator and approves it with as many demo approvers as it needs. */
export async function requestAndApprove(h: FleetHarness, input: MigrationRequestInput) {
  const operator = await h.caller("OPERATOR");
  const m = await operator.migration.request(input);
  for (const role of ["APPROVER", "ADMIN"].slice(0, m.requiredApprovals)) {
    await (await h.caller(role)).approval.approve({ migrationId: m.id, planHash: m.planHash });
  }
  return { ...m, approvedAt: new Date() };
}

/** Waits until every migration has ended (succeeded, rolled back, failed or cancelled). */
export async function waitEnded(prisma: PrismaClient, ids: string[], timeoutMs: number) {
  return until(
    "the migrations to end",
    async () => {
      const rows = await prisma.migration.findMany({ where: { id: { in: ids } } });
      return rows.length === ids.length && rows.every((r) => ENDED.includes(r.state)) ? rows : null;
    },
    timeoutMs,
    250,
  );
}
