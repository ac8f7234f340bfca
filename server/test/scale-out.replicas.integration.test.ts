// Issue 13: two Tern replicas on one PostgreSQL database, each its own process with the change feed and the
// workers (replica-process.ts runs Tern's real route handlers; no Next.js build needed). A scale made through
// replica A reaches a live stream opened on replica B; sign-in limits count attempts on both; kill -9 of the
// replica holding a cluster's sync lease hands that cluster to the other within the lease TTL, and no
// deployment change is applied twice. Needs a PostgreSQL server: skipped unless TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimTestCluster, type SimTestCluster } from "./sim-test-cluster";
import { createPrisma, type PrismaClient } from "../db";
import { env } from "../env";
import { importCluster } from "../services/clusters/import-cluster";
import { createDeployment } from "../services/deployments/create-deployment";
import { ZImportClusterRequest } from "../validation/cluster";
import { ZCreateDeploymentRequest } from "../validation/deployment";
import { applyMigrations } from "../../prisma/migrate";
import { createTeamFixture, type TeamFixture } from "./fixtures";
import { createEmptyDb, type EmptyDb } from "./test-db";
import {
  authPost,
  openLive,
  sessionCookie,
  startReplica,
  trpcMutation,
  type LiveEvent,
  type Replica,
} from "./replica-harness";

const serverUrl = env().TEST_DATABASE_URL;
if (!serverUrl)
  console.log(
    "scale-out.replicas: skipped — set TEST_DATABASE_URL to a PostgreSQL server (.ci/run does) to run two replicas",
  );

const TTL_S = 3;
const PASSWORD = "replica-password-1";

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 20_000,
  pollMs = 25,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

describe.skipIf(!serverUrl)("two replicas on one PostgreSQL database", () => {
  let empty: EmptyDb;
  let prisma: PrismaClient;
  let closePrisma: () => Promise<void>;
  let team: TeamFixture;
  let sim: SimTestCluster;
  let clusterId: string;
  let deploymentId: string;
  let a: Replica;
  let b: Replica;
  let cookie: string;

  beforeAll(async () => {
    empty = await createEmptyDb();
    await applyMigrations(empty.executor);
    if (!("databaseUrl" in empty.connect)) throw new Error("expected a PostgreSQL server database");
    const databaseUrl = empty.connect.databaseUrl;
    ({ prisma, close: closePrisma } = createPrisma({ databaseUrl }));
    team = await createTeamFixture(prisma, "replicas");
    // The fixture's deployment sits on a cluster that does not exist: settle it.
    const fixture = await prisma.deployment.findUniqueOrThrow({ where: { id: team.deploymentId } });
    await prisma.deployment.update({ where: { id: fixture.id }, data: { appliedGeneration: fixture.specGeneration } });
    sim = await startSimTestCluster();
    sim.addNode("gpu-1", "H100", 8);
    const cluster = await importCluster({
      prisma,
      teamId: team.teamId,
      userId: team.users.ADMIN.id,
      role: "ADMIN",
      input: ZImportClusterRequest.parse({
        source: "token",
        cloudId: team.cloudId,
        name: "sim-replicas",
        region: "us-east-1",
        residencyTags: "us",
        apiServer: sim.url,
        token: sim.token,
        certificateAuthorityData: sim.ca,
      }),
    });
    clusterId = cluster.id;
    const replicaEnv = {
      DATABASE_URL: databaseUrl,
      TERN_AUTH_SECRET: "replicas-test-secret-0123456789abcdef",
      TERN_LEASE_TTL_SECONDS: String(TTL_S),
      TERN_TRUSTED_PROXIES: "127.0.0.1",
      TERN_SIGNIN_ATTEMPTS_PER_MINUTE: "10",
      TERN_SIGNIN_FAILURES_PER_ACCOUNT: "10",
      TERN_WORKERS: "on",
    };
    [a, b] = await Promise.all([startReplica("A", replicaEnv), startReplica("B", replicaEnv)]);

    // An operator of the team, signed up through A; the session works on B too (it is in the database).
    const signedUp = await authPost(
      a,
      "/sign-up/email",
      { email: "op@replicas.test", password: PASSWORD, name: "op" },
      { xff: "198.51.100.1" },
    );
    expect(signedUp.status).toBe(200);
    cookie = sessionCookie(signedUp);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "op@replicas.test" } });
    await prisma.membership.create({ data: { teamId: team.teamId, userId: user.id, role: "OPERATOR" } });

    // The replicas' status sync records the cluster's GPUs; then a deployment that their reconciler applies.
    await until("the cluster's capacity recorded by a replica", async () => {
      const c = await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } });
      return c.health === "HEALTHY" && (c.gpuCapacity as Record<string, unknown> | null)?.H100;
    });
    const created = await createDeployment({
      prisma,
      teamId: team.teamId,
      userId: user.id,
      input: ZCreateDeploymentRequest.parse({
        clusterId,
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
    deploymentId = created.id;
    await until("the deployment applied by a replica", async () => {
      const d = await prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
      return d.appliedGeneration === d.specGeneration;
    });
  }, 180_000);

  afterAll(async () => {
    a?.kill("SIGKILL");
    b?.kill("SIGKILL");
    await Promise.all([a?.exited, b?.exited]);
    await sim?.close();
    await closePrisma?.();
    await empty?.close();
  });

  it("shares the clusters' syncs between the replicas", async () => {
    // Two clusters (the fixture's and the simulated one), two replicas: each holds one.
    const leases = await until(
      "one sync lease on each replica",
      async () => {
        const rows = await prisma.workerLease.findMany({
          where: { name: { startsWith: "sync:" }, expiresAt: { gt: new Date() } },
        });
        const holders = new Set(rows.map((r) => r.holder.split(":")[1]));
        return rows.length === 2 && holders.size === 2 && rows;
      },
      15_000,
      100,
    );
    expect(new Set(leases.map((l) => Number(l.holder.split(":")[1])))).toEqual(new Set([a.pid, b.pid]));
  });

  it("delivers a scale made through replica A to a live stream on replica B within 1 s", async () => {
    // A stream on A too: A's listeners hear the change right after its commit, so B's arrival minus A's is the
    // time the change takes to cross to the other replica (the mutation's own time on a loaded machine is not).
    const onA: LiveEvent[] = [];
    const onB: LiveEvent[] = [];
    const streams = [
      await openLive(a, { cookie }, (e) => onA.push(e)),
      await openLive(b, { cookie }, (e) => onB.push(e)),
    ];
    const isScale = (e: LiveEvent) =>
      e.event === "deployment" && e.data.id === deploymentId && e.data.reason === "spec";
    try {
      const res = await trpcMutation(a, "deployment.scale", { id: deploymentId, replicas: 2 }, { cookie });
      expect(res.status, res.text).toBe(200);
      const [here, there] = await until(
        "the change on both streams",
        () => {
          const x = onA.find(isScale);
          const y = onB.find(isScale);
          return x && y && ([x, y] as const);
        },
        3_000,
        5,
      );
      expect(there.at - here.at).toBeLessThan(1000);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it("limits 11 wrong sign-ins from one address split over both replicas", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await authPost(
        i % 2 ? b : a,
        "/sign-in/email",
        { email: `nobody${i}@replicas.test`, password: "wrong-password" },
        { xff: "203.0.113.9" },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Another address is not affected.
    const ok = await authPost(
      b,
      "/sign-in/email",
      { email: "op@replicas.test", password: PASSWORD },
      { xff: "198.51.100.2" },
    );
    expect(ok.status).toBe(200);
  });

  it("hands a killed replica's cluster to the other within the lease TTL, applying no change twice", async () => {
    const lease = await prisma.workerLease.findUniqueOrThrow({ where: { name: `sync:${clusterId}` } });
    const holderPid = Number(lease.holder.split(":")[1]);
    const [victim, survivor] = holderPid === a.pid ? [a, b] : [b, a];
    expect(victim.pid).toBe(holderPid);

    const killedAt = Date.now();
    victim.kill("SIGKILL");
    await victim.exited;
    const taken = await until(
      "the survivor holding the cluster's sync lease",
      async () => {
        const l = await prisma.workerLease.findUnique({ where: { name: `sync:${clusterId}` } });
        return l && Number(l.holder.split(":")[1]) === survivor.pid && Date.now();
      },
      (TTL_S + 5) * 1000,
    );
    expect(taken - killedAt).toBeLessThanOrEqual(TTL_S * 1000 + 1000);

    // The survivor syncs it: a `kubectl scale` in the cluster shows up in Tern, recorded by the survivor.
    sim.store.mutate("deployments", "models", "scorer", (o) => {
      o.spec = { ...o.spec, replicas: 3 };
    });
    await until(
      "the outside scale recorded",
      async () => (await prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } })).replicas === 3,
      10_000,
    );

    // A change through the survivor is applied once; over the whole run every generation was applied once.
    const res = await trpcMutation(survivor, "deployment.scale", { id: deploymentId, replicas: 4 }, { cookie });
    expect(res.status, res.text).toBe(200);
    const final = await until(
      "the last change applied",
      async () => {
        const d = await prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
        return d.appliedGeneration === d.specGeneration && d.replicas === 4 && d;
      },
      (TTL_S + 5) * 1000,
    );
    const appliedGenerations = () =>
      [...a.output, ...b.output]
        .filter((l) => /deployment models\/scorer: generation \d+ applied/.test(l))
        .map((l) => Number(/generation (\d+)/.exec(l)![1]))
        .sort((x, y) => x - y);
    // The log line follows the database write by a moment.
    await until("the last apply logged", () => appliedGenerations().includes(final.specGeneration), 5_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(appliedGenerations()).toEqual(Array.from({ length: final.specGeneration }, (_, i) => i + 1));
    expect(sim.store.get("deployments", "models", "scorer")?.spec?.replicas).toBe(4);
  }, 60_000);
});
