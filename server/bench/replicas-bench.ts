// Two Tern replicas (own processes, replica-process.ts) on one PostgreSQL server database, driven over HTTP:
// replicas.change_to_page: from replica A's answer to a scale (the change is committed) until replica B's
//   /api/live stream carries it and B's deployment.get (the page's refetch) returns the new count (goal p95 <=
//   250 ms). change_to_event: the SSE event alone (0 when it beat A's answer); scale_to_page adds A's own handling
//   of the scale (the request sent to the page on B).
// replicas.failover: kill -9 of the replica holding a cluster's sync lease until the other holds it
//   (goal <= TTL + 1 s; TTL is TERN_LEASE_TTL_SECONDS, 5 s here).
// replicas.list_rps_1 / _2: deployment.list (50 of 500 rows) with 8 clients for 5 s against one replica, then
//   spread over both (goal ratio >= 1.6 on 2 cores; the load generator and PostgreSQL share those cores).
import { startSimTestCluster } from "../test/sim-test-cluster";
import { importCluster } from "../services/clusters/import-cluster.ts";
import { createDeployment } from "../services/deployments/create-deployment.ts";
import { createTeamFixture } from "../test/fixtures.ts";
import {
  authPost,
  openLive,
  sessionCookie,
  startReplica,
  trpcMutation,
  trpcQuery,
  type LiveEvent,
  type Replica,
} from "../test/replica-harness.ts";
import { ZImportClusterRequest } from "../validation/cluster.ts";
import { ZCreateDeploymentRequest } from "../validation/deployment.ts";
import type { BenchDb } from "./bench-db.ts";
import { percentiles } from "./latency-stats.ts";
import type { Figure } from "./list-bench.ts";

const TTL_S = 5;
const ROWS = 500;

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms: number,
  pollMs = 5,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

async function throughput(targets: Replica[], cookie: string, seconds = 5, clients = 8): Promise<number> {
  let ok = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const r = await trpcQuery(
          targets[next++ % targets.length]!,
          "deployment.list",
          { pageSize: 50, sort: "name" },
          { cookie },
        );
        if (r.status !== 200) throw new Error(`deployment.list answered ${r.status}: ${r.text.slice(0, 200)}`);
        ok++;
      }
    }),
  );
  return ok / seconds;
}

export async function runReplicasBench(db: BenchDb): Promise<Figure[]> {
  if (!db.url) throw new Error("the replicas bench needs a PostgreSQL server database");
  const { prisma } = db;
  const team = await createTeamFixture(prisma, "bench-replicas");
  await prisma.deployment.update({ where: { id: team.deploymentId }, data: { appliedGeneration: 1 } });
  await prisma.deployment.createMany({
    data: Array.from({ length: ROWS - 1 }, (_, i) => ({
      teamId: team.teamId,
      clusterId: team.clusterId,
      modelVersionId: team.versionId,
      namespace: "models",
      name: `list-${String(i).padStart(4, "0")}`,
      replicas: 1,
      gpusPerReplica: 1,
      gpuType: "H100",
      minReplicas: 1,
      maxReplicas: 4,
      latencySloMs: 200,
      appliedGeneration: 1,
    })),
  });
  const sim = await startSimTestCluster();
  sim.addNode("gpu-1", "H100", 16);
  const cluster = await importCluster({
    prisma,
    teamId: team.teamId,
    userId: team.users.ADMIN.id,
    role: "ADMIN",
    input: ZImportClusterRequest.parse({
      source: "token",
      cloudId: team.cloudId,
      name: "sim-bench",
      region: "us-east-1",
      residencyTags: "us",
      apiServer: sim.url,
      token: sim.token,
      certificateAuthorityData: sim.ca,
    }),
  });
  const env = {
    DATABASE_URL: db.url,
    TERN_AUTH_SECRET: "replicas-bench-secret-0123456789abcdef",
    TERN_LEASE_TTL_SECONDS: String(TTL_S),
    TERN_SIGNIN_ATTEMPTS_PER_MINUTE: "1000",
    TERN_WORKERS: "on",
    TERN_LOG_LEVEL: "warn",
  };
  const replicas: Replica[] = [];
  try {
    replicas.push(...(await Promise.all([startReplica("A", env), startReplica("B", env)])));
    const [a, b] = replicas as [Replica, Replica];
    const signedUp = await authPost(a, "/sign-up/email", {
      email: "op@bench.test",
      password: "bench-password-1",
      name: "op",
    });
    const cookie = sessionCookie(signedUp);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "op@bench.test" } });
    await prisma.membership.create({ data: { teamId: team.teamId, userId: user.id, role: "OPERATOR" } });
    await until(
      "the cluster's capacity recorded",
      async () => {
        const c = await prisma.cluster.findUniqueOrThrow({ where: { id: cluster.id } });
        return c.health === "HEALTHY" && (c.gpuCapacity as Record<string, unknown> | null)?.H100;
      },
      30_000,
      50,
    );
    const { id } = await createDeployment({
      prisma,
      teamId: team.teamId,
      userId: user.id,
      input: ZCreateDeploymentRequest.parse({
        clusterId: cluster.id,
        modelVersionId: team.versionId,
        namespace: "models",
        name: "scorer",
        replicas: 1,
        gpusPerReplica: 1,
        gpuType: "H100",
        minReplicas: 1,
        maxReplicas: 8,
        latencySloMs: 100,
      }),
    });

    // Throughput first, while both replicas are up.
    await throughput([a], cookie, 1);
    const rps1 = await throughput([a], cookie);
    const rps2 = await throughput([a, b], cookie);

    const events: LiveEvent[] = [];
    const stream = await openLive(b, { cookie }, (e) => events.push(e));
    const samples: number[] = [];
    const totals: number[] = [];
    const toEvent: number[] = [];
    try {
      for (let i = 0; i < 40; i++) {
        const replicasWanted = 2 + (i % 3);
        const seen = events.length;
        const t0 = performance.now();
        const res = await trpcMutation(a, "deployment.scale", { id, replicas: replicasWanted }, { cookie });
        if (res.status !== 200) throw new Error(`deployment.scale answered ${res.status}: ${res.text.slice(0, 200)}`);
        const committed = performance.now();
        const event = await until(
          "the change on B's stream",
          () => events.slice(seen).find((e) => e.data.id === id && e.data.reason === "spec"),
          5_000,
          1,
        );
        toEvent.push(Math.max(0, event.at - committed));
        const page = await trpcQuery(b, "deployment.get", { id }, { cookie });
        if (!page.text.includes(`"replicas":${replicasWanted}`))
          throw new Error(`B's page did not show ${replicasWanted} replicas: ${page.text.slice(0, 200)}`);
        samples.push(performance.now() - committed);
        totals.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      stream.close();
    }
    const toPage = percentiles(samples);
    const total = percentiles(totals);

    const lease = await until(
      "a sync lease on the simulated cluster",
      () => prisma.workerLease.findUnique({ where: { name: `sync:${cluster.id}` } }),
      10_000,
      50,
    );
    const holderPid = Number(lease.holder.split(":")[1]);
    const [victim, survivor] = holderPid === a.pid ? [a, b] : [b, a];
    const killedAt = Date.now();
    victim.kill("SIGKILL");
    const takenAt = await until(
      "the survivor holding the lease",
      async () => {
        const l = await prisma.workerLease.findUnique({ where: { name: `sync:${cluster.id}` } });
        return l && Number(l.holder.split(":")[1]) === survivor.pid && Date.now();
      },
      (TTL_S + 10) * 1000,
      10,
    );

    return [
      { name: "replicas.change_to_page.p50", value: toPage.p50, unit: "ms" },
      { name: "replicas.change_to_page.p95", value: toPage.p95, unit: "ms" },
      { name: "replicas.change_to_event.p95", value: percentiles(toEvent).p95, unit: "ms" },
      { name: "replicas.scale_to_page.p95", value: total.p95, unit: "ms" },
      { name: `replicas.failover (TTL ${TTL_S} s)`, value: takenAt - killedAt, unit: "ms" },
      { name: "replicas.list_rps_1", value: rps1, unit: "req/s" },
      { name: "replicas.list_rps_2", value: rps2, unit: "req/s", ratio: rps2 / rps1 },
    ];
  } finally {
    for (const r of replicas) r.kill("SIGKILL");
    await Promise.all(replicas.map((r) => r.exited));
    await sim.close();
  }
}
