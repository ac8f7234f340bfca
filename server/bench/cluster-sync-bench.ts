// The clusters feature's figures: 1,000 deployments on 20 simulated clusters, synced into the bench database by
// Tern's status-sync worker (leases, SyncManager, recordDeploymentStatus, as in production). Measures how long a
// change in a cluster takes to reach the database and an open page's live stream, and the worker's CPU when idle.
//
// change_to_db: from the status write in the simulator's store until Tern's UPDATE has resolved (recordDeploymentStatus
// notifies right after it). Includes the watch stream, the sync's 100 ms coalescing window and the two queries.
// change_to_page: until the SSE event reaches a reader in another process. Not included: the page's refetch after
// the event (one tRPC call, which list-bench times) and Next.js's own streaming (live-relay.ts stands in for the route).
// idle_cpu: this process only, i.e. the worker (80 watches, bookmarks every 5 s, a lease tick every 5 s) and, on the
// embedded target, PGlite itself; the simulated API servers run in a child process and are reported separately.
import { setTimeout as sleep } from "node:timers/promises";
import { onDeploymentsChanged } from "../services/deployments/deployment-events.ts";
import { startStatusSync } from "../workers/status-sync.ts";
import type { BenchDb } from "./bench-db.ts";
import { ChangeArrivals, type Arrival } from "./change-arrivals.ts";
import { nowMs, percentiles } from "./latency-stats.ts";
import type { Figure } from "./list-bench.ts";
import { startLiveRelay } from "./live-relay.ts";
import { seedClusters, type SeededCluster } from "./seed-clusters.ts";
import { startSimFleet, type SimFleet } from "./sim-fleet-client.ts";

const CLUSTERS = 20;
const PER_CLUSTER = 50;
const REPLICAS = 2;
const NAMESPACE = "models";
/** 40 rounds of 5 changes, each in a different cluster at once: 200 samples, with some concurrency between clusters. */
const ROUNDS = 40;
const BURST = 5;
const CHANGE_TIMEOUT_MS = 10_000;
const QUIET_MS = 2_000;
const IDLE_MS = 10_000;
const HOLDER = "bench-sync";

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const end = nowMs() + timeoutMs;
  while (!(await check())) {
    if (nowMs() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function countOf(db: BenchDb, sql: string, params: unknown[]): Promise<number> {
  const [row] = (await db.sql(sql, params)) as { count: unknown }[];
  return Number(row?.count ?? 0);
}

async function changeRounds(
  db: BenchDb,
  fleet: SimFleet,
  clusters: SeededCluster[],
  arrivals: ChangeArrivals,
): Promise<Arrival[]> {
  const ready = new Map<string, number>();
  const samples: Arrival[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const changes = Array.from({ length: BURST }, (_, b) => {
      const ci = (round * BURST + b) % clusters.length;
      const deployments = clusters[ci]!.deployments;
      const d = deployments[(round * 7 + b * 13) % deployments.length]!;
      // Alternates 2 → 1 → 2 ready replicas: Ready, then Degraded, then Ready again.
      const next = (ready.get(d.id) ?? REPLICAS) === REPLICAS ? REPLICAS - 1 : REPLICAS;
      ready.set(d.id, next);
      return { ci, d, next };
    });
    const landed = changes.map(({ ci, d, next }) => {
      // t0 is taken before the IPC message to the simulator process, so each figure includes that hop (~0.1 ms).
      const arrived = arrivals.expect(d.id, CHANGE_TIMEOUT_MS);
      const sent = fleet.call("setReadyReplicas", { cluster: ci, namespace: NAMESPACE, name: d.name, ready: next });
      return Promise.all([arrived, sent]).then(([a]) => a);
    });
    samples.push(...(await Promise.all(landed)));
    // Checks (untimed) that the row really holds the new value, so the figures time the right write.
    const rows = (await db.sql(`SELECT "id", "readyReplicas" FROM "Deployment" WHERE "id" = ANY($1)`, [
      changes.map((c) => c.d.id),
    ])) as { id: string; readyReplicas: number }[];
    for (const { d, next } of changes) {
      const got = rows.find((r) => r.id === d.id)?.readyReplicas;
      if (got !== next)
        throw new Error(`deployment ${d.name}: the database shows ${got} ready replicas after its change to ${next}`);
    }
    await sleep(10 + ((round * 17) % 40));
  }
  return samples;
}

/** CPU of this process (Tern) and of the simulator process over `ms` of wall time, as % of one core. */
async function idleCpu(fleet: SimFleet, ms: number) {
  const tern0 = process.cpuUsage();
  const sim0 = await fleet.call("cpuUsage", null);
  const t0 = nowMs();
  await sleep(ms);
  const tern = process.cpuUsage(tern0);
  const sim1 = await fleet.call("cpuUsage", null);
  const wall = nowMs() - t0;
  const pct = (us: number) => (us / 1000 / wall) * 100;
  return { tern: pct(tern.user + tern.system), sim: pct(sim1.user - sim0.user + sim1.system - sim0.system) };
}

export async function runClusterSyncBench(db: BenchDb): Promise<Figure[]> {
  const fleet = await startSimFleet();
  const arrivals = new ChangeArrivals();
  const logs: string[] = [];
  const cleanups: (() => unknown)[] = [() => fleet.close()];
  try {
    const endpoints = await fleet.call("startClusters", {
      count: CLUSTERS,
      namespace: NAMESPACE,
      gpuNodes: Math.ceil((PER_CLUSTER * REPLICAS) / 8),
    });
    const { teamId, clusters } = await seedClusters(db.prisma, endpoints, PER_CLUSTER, NAMESPACE);
    for (const [i, c] of clusters.entries())
      await fleet.call("addDeployments", {
        cluster: i,
        namespace: NAMESPACE,
        replicas: REPLICAS,
        deployments: c.deployments,
      });
    const total = clusters.reduce((n, c) => n + c.deployments.length, 0);

    const relay = await startLiveRelay(new Set([teamId]));
    cleanups.unshift(() => relay.close());
    // The stream is read in the simulator's process, as a browser would, so the reader never waits for this event loop.
    fleet.onLive((id, at) => arrivals.page(id, at));
    await fleet.call("readLive", { url: relay.url });
    cleanups.unshift(onDeploymentsChanged((c) => arrivals.db(c.deploymentId)));

    const started = nowMs();
    const worker = startStatusSync({ prisma: db.prisma, log: (m) => logs.push(m), holder: HOLDER });
    cleanups.unshift(async () => {
      await worker.stop();
      await until(
        "the sync to release its leases",
        async () => (await countOf(db, `SELECT count(*) FROM "WorkerLease" WHERE "holder" = $1`, [HOLDER])) === 0,
        10_000,
      );
    });
    // Full status means with pods: a cluster's deployments can be listed (and written) before its pods are.
    const synced = `SELECT count(*) FROM "Deployment" WHERE "teamId" = $1 AND "readyReplicas" = $2 AND jsonb_array_length("pods") = $2`;
    await until(
      `all ${total} deployments' full status`,
      async () => (await countOf(db, synced, [teamId, REPLICAS])) === total,
      120_000,
      50,
    );
    const initialMs = nowMs() - started;
    await until("the sync to go quiet", () => Promise.resolve(nowMs() - arrivals.lastAt >= QUIET_MS), 30_000);

    const writesBefore = arrivals.writes;
    const samples = await changeRounds(db, fleet, clusters, arrivals);
    await until("the sync to go quiet", () => Promise.resolve(nowMs() - arrivals.lastAt >= QUIET_MS), 30_000);
    // One write per change is expected; more would mean some samples may have timed an unrelated write.
    const extra = arrivals.writes - writesBefore - samples.length;
    if (extra !== 0) logs.push(`${extra} more deployment writes than changes during the change rounds`);
    const idleBefore = arrivals.writes;
    const cpu = await idleCpu(fleet, IDLE_MS);
    if (arrivals.writes !== idleBefore)
      logs.push(`${arrivals.writes - idleBefore} deployment writes while nothing changed`);

    const toDb = percentiles(samples.map((s) => s.db));
    const toPage = percentiles(samples.map((s) => s.page));
    return [
      { name: "sync.first_status_1000", value: initialMs, unit: "ms" },
      { name: "sync.change_to_db.p50", value: toDb.p50, unit: "ms" },
      { name: "sync.change_to_db.p95", value: toDb.p95, unit: "ms" },
      { name: "sync.change_to_page.p50", value: toPage.p50, unit: "ms" },
      { name: "sync.change_to_page.p95", value: toPage.p95, unit: "ms" },
      { name: "sync.idle_cpu", value: cpu.tern, unit: "%" },
      { name: "sync.idle_cpu_sim_apiservers", value: cpu.sim, unit: "%" },
    ];
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (err) {
        logs.push(`cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    for (const m of new Set(logs)) console.error(`# sync bench: ${m}`);
  }
}
