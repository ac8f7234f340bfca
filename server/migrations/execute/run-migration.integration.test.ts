import { afterAll, beforeAll, describe, expect, it, onTestFinished as after } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs } from "../../test/fixtures";
import {
  createMigrationScenario,
  fakePorts,
  readyTargets,
  type MigrationScenario,
} from "../../test/migration-scenario";
import { createMigrationRunStore } from "../../services/migrations/migration-run-store";
import { acquireLease } from "../../services/leases/lease";
import { runMigration } from "./run-migration";
import type { MigrationPorts } from "./ports";
import { LeaseLost, StepFailed } from "./step-errors";

let db: TestDb;
let stopReady: () => void;
beforeAll(async () => {
  db = await createTestDb();
  stopReady = readyTargets(db.prisma);
});
afterAll(async () => {
  stopReady?.();
  await db?.close();
});

async function approved(s: MigrationScenario, steps = [50, 100]) {
  const op = await callerAs(db.prisma, s.users.OPERATOR, s.teamId);
  const m = await op.migration.request({
    deploymentId: s.deploymentId,
    targetClusterId: s.targetClusterId,
    trafficSteps: steps,
    analysisSeconds: 5,
    drainGraceSeconds: 0,
  });
  await (
    await callerAs(db.prisma, s.users.APPROVER, s.teamId)
  ).approval.approve({ migrationId: m.id, planHash: m.planHash });
  return m.id;
}

async function run(id: string, ports: MigrationPorts, holder = "w1", signal = new AbortController().signal) {
  const lease = await acquireLease({ prisma: db.prisma, name: `migration:${id}`, holder, ttlMs: 60_000 });
  return runMigration({
    id,
    fencing: lease!.fencing,
    store: createMigrationRunStore(db.prisma),
    ports,
    signal,
    retryDelayMs: () => 10,
    now: Date.now,
  });
}

const stepsOf = (id: string) =>
  db.prisma.migrationStep.findMany({
    where: { migrationId: id },
    orderBy: { index: "asc" },
    select: { kind: true, status: true, message: true },
  });

describe("migration executor", () => {
  it("copies, deploys, verifies, shifts traffic in steps, drains the source and records the evidence", async () => {
    const s = await createMigrationScenario(db.prisma, "ex1");
    const id = await approved(s);
    const ports = fakePorts();
    expect(await run(id, ports)).toBe("SUCCEEDED");
    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id } });
    expect(m.state).toBe("SUCCEEDED");
    expect(m.activeDeploymentId).toBeNull();
    expect((await stepsOf(id)).map((x) => `${x.kind}:${x.status}`)).toEqual([
      "COPY_ARTIFACT:SUCCEEDED",
      "DEPLOY_TARGET:SUCCEEDED",
      "WAIT_READY:SUCCEEDED",
      "VERIFY:SUCCEEDED",
      "SHIFT_TRAFFIC:SUCCEEDED",
      "SHIFT_TRAFFIC:SUCCEEDED",
      "DRAIN_SOURCE:SUCCEEDED",
      "FINALIZE:SUCCEEDED",
    ]);
    expect(ports.copies).toHaveLength(1);
    expect(ports.traffic.map((b) => b.map((x) => x.weight))).toEqual([[50, 50], [0, 100], [100]]);
    const target = await db.prisma.deployment.findUniqueOrThrow({ where: { id: m.targetDeploymentId! } });
    expect(target.clusterId).toBe(s.targetClusterId);
    expect(target.artifactUri).toBe(`s3://models-ex1/m.onnx`);
    const source = await db.prisma.deployment.findUniqueOrThrow({ where: { id: s.deploymentId } });
    expect(source.deletionRequestedAt).not.toBeNull();
    // The embed link followed the model instead of being deleted with the source.
    expect((await db.prisma.embedLink.findUniqueOrThrow({ where: { id: s.embedLinkId } })).deploymentId).toBe(
      target.id,
    );
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "migration.succeeded", targetId: id },
    });
    expect(audit.details).toMatchObject({
      approvers: [s.users.APPROVER.email],
      artifactSha256: "a".repeat(64),
      planHash: m.planHash,
    });
  });

  it("rolls back when the target answers differently, leaving the source serving", async () => {
    const s = await createMigrationScenario(db.prisma, "ex2");
    const id = await approved(s);
    const ports = fakePorts({ goldenOk: false });
    expect(await run(id, ports)).toBe("ROLLED_BACK");
    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id } });
    expect(m.outcome).toMatch(/answers differ beyond tolerance/);
    const steps = await stepsOf(id);
    expect(steps.map((x) => `${x.kind}:${x.status}`)).toEqual([
      "COPY_ARTIFACT:SUCCEEDED",
      "DEPLOY_TARGET:SUCCEEDED",
      "WAIT_READY:SUCCEEDED",
      "VERIFY:FAILED",
      "SHIFT_TRAFFIC:SKIPPED",
      "SHIFT_TRAFFIC:SKIPPED",
      "DRAIN_SOURCE:SKIPPED",
      "FINALIZE:SKIPPED",
      "ROLLBACK_TRAFFIC:SUCCEEDED",
      "REMOVE_TARGET:SUCCEEDED",
    ]);
    expect(
      (await db.prisma.deployment.findUniqueOrThrow({ where: { id: s.deploymentId } })).deletionRequestedAt,
    ).toBeNull();
    expect(
      (await db.prisma.deployment.findUniqueOrThrow({ where: { id: m.targetDeploymentId! } })).deletionRequestedAt,
    ).not.toBeNull();
    expect(ports.traffic.at(-1)!.map((b) => [b.clusterId, b.weight])).toEqual([[s.clusterId, 100]]);
  });

  it("a corrupt artifact fails the copy and nothing is deployed", async () => {
    const s = await createMigrationScenario(db.prisma, "ex3");
    const id = await approved(s);
    const ports = fakePorts({
      copyArtifact: () =>
        Promise.reject(new StepFailed("the copy hashes to bbbb…, not the version's aaaa…; nothing was deployed")),
    });
    expect(await run(id, ports)).toBe("ROLLED_BACK");
    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id } });
    expect(m.targetDeploymentId).toBeNull();
    expect(await db.prisma.deployment.count({ where: { teamId: s.teamId } })).toBe(1);
  });

  it("retries a transient error and goes on", async () => {
    const s = await createMigrationScenario(db.prisma, "ex4");
    const id = await approved(s, [100]);
    let calls = 0;
    const base = fakePorts();
    const ports = fakePorts({
      copyArtifact: async (a) => {
        calls += 1;
        if (calls < 3) throw new TypeError("fetch failed");
        return base.copyArtifact(a);
      },
    });
    expect(await run(id, ports)).toBe("SUCCEEDED");
    expect(calls).toBe(3);
  });

  it("a stale holder's writes are refused once a newer lease holder claimed the migration", async () => {
    const s = await createMigrationScenario(db.prisma, "ex5");
    const id = await approved(s);
    const store = createMigrationRunStore(db.prisma);
    await store.claim(id, 7);
    await store.claim(id, 8);
    await expect(store.setState(id, 7, { state: "RUNNING" })).rejects.toBeInstanceOf(LeaseLost);
    await expect(store.stepFinished(id, 7, 0, "SUCCEEDED", null, {})).rejects.toBeInstanceOf(LeaseLost);
    await expect(store.claim(id, 7)).rejects.toBeInstanceOf(LeaseLost);
    await store.setState(id, 8, { state: "APPROVED" });
  });

  it("resumes after the worker stopped mid-step, with one copy and one target deployment", async () => {
    const s = await createMigrationScenario(db.prisma, "ex6");
    const id = await approved(s, [100]);
    const ports = fakePorts();
    const first = new AbortController();
    let verifying = 0;
    const slow = {
      ...ports,
      verify: async (a: Parameters<MigrationPorts["verify"]>[0]) => {
        verifying += 1;
        if (verifying === 1) {
          first.abort(); // the first worker "dies" during verification
          throw new LeaseLost();
        }
        return ports.verify(a);
      },
    };
    expect(await run(id, slow, "w1", first.signal)).toBe("LOST");
    expect((await db.prisma.migration.findUniqueOrThrow({ where: { id } })).state).toBe("RUNNING");
    // Another worker takes over (a new lease, a larger fencing token) and finishes the job.
    await db.prisma.workerLease.update({ where: { name: `migration:${id}` }, data: { expiresAt: new Date(0) } });
    expect(await run(id, slow, "w2")).toBe("SUCCEEDED");
    expect(ports.copies).toHaveLength(1);
    expect(await db.prisma.deployment.count({ where: { teamId: s.teamId, clusterId: s.targetClusterId } })).toBe(1);
  });

  it("a step cut off because the lease was lost is not a failed check: no failure recorded, no rollback", async () => {
    const s = await createMigrationScenario(db.prisma, "ex6c");
    const id = await approved(s, [100]);
    const ports = fakePorts();
    const lost = new AbortController();
    const cut = {
      ...ports,
      // The renewal failed mid-copy (another holder may be running the step now): the copy stops with an error.
      copyArtifact: () => {
        lost.abort(new Error("lease migration:x was taken over"));
        return Promise.reject(new Error("read models/m.onnx failed (AbortError); nothing was deployed"));
      },
    };
    expect(await run(id, cut, "w1", lost.signal)).toBe("LOST");
    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id } });
    expect(m.state).toBe("RUNNING");
    expect((await stepsOf(id))[0]).toMatchObject({ kind: "COPY_ARTIFACT", status: "RUNNING" });
    await db.prisma.workerLease.update({ where: { name: `migration:${id}` }, data: { expiresAt: new Date(0) } });
    expect(await run(id, ports, "w2")).toBe("SUCCEEDED");
    expect(ports.copies).toHaveLength(1);
  });

  it("a traffic step resumed after its worker died before the weights were set analyses a full window of them", async () => {
    const s = await createMigrationScenario(db.prisma, "ex6b");
    const id = await approved(s, [100]);
    const ports = fakePorts();
    const first = new AbortController();
    const dying = {
      ...ports,
      setTraffic: () => {
        first.abort(); // the first worker dies once the step is recorded as started, before any weight changes
        return Promise.reject(new LeaseLost());
      },
    };
    expect(await run(id, dying, "w1", first.signal)).toBe("LOST");
    const shift = await db.prisma.migrationStep.findFirstOrThrow({ where: { migrationId: id, kind: "SHIFT_TRAFFIC" } });
    expect(shift.status).toBe("RUNNING");
    // The takeover comes a while later (the dead holder's lease had to expire).
    await db.prisma.migrationStep.update({
      where: { id: shift.id },
      data: { startedAt: new Date(Date.now() - 60_000) },
    });
    await db.prisma.workerLease.update({ where: { name: `migration:${id}` }, data: { expiresAt: new Date(0) } });
    let setAt = 0;
    let analysedAfterMs = -1;
    const timed = {
      ...ports,
      setTraffic: async (a: Parameters<MigrationPorts["setTraffic"]>[0]) => {
        await ports.setTraffic(a);
        if (a.backends.some((b) => b.clusterId === s.targetClusterId && b.weight === 100)) setAt ||= Date.now();
      },
      analyse: async (a: Parameters<MigrationPorts["analyse"]>[0]) => {
        if (setAt && analysedAfterMs < 0 && a.windowSeconds === 5) analysedAfterMs = Date.now() - setAt;
        return ports.analyse(a);
      },
    };
    expect(await run(id, timed, "w2")).toBe("SUCCEEDED");
    // The window counts from when the target got the traffic, not from when the dead worker started the step.
    expect(analysedAfterMs).toBeGreaterThanOrEqual(5_000);
  }, 30_000);

  it("an abort during traffic shifting rolls back; aborting again changes nothing", async () => {
    const s = await createMigrationScenario(db.prisma, "ex7");
    const id = await approved(s, [10, 100]);
    const op = await callerAs(db.prisma, s.users.OPERATOR, s.teamId);
    const ports = fakePorts();
    const shifting = {
      ...ports,
      setTraffic: async (a: Parameters<MigrationPorts["setTraffic"]>[0]) => {
        await ports.setTraffic(a);
        if (a.backends.some((b) => b.weight === 10)) await op.migration.abort({ id, reason: "change freeze" });
      },
    };
    expect(await run(id, shifting)).toBe("ROLLED_BACK");
    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id } });
    expect(m.outcome).toMatch(/aborted by operator@ex7.test/);
    expect(await op.migration.abort({ id })).toEqual({ id, state: "ROLLED_BACK" });
    expect(
      (await db.prisma.deployment.findUniqueOrThrow({ where: { id: s.deploymentId } })).deletionRequestedAt,
    ).toBeNull();
  });

  it("rolls back when the target crash-loops", async () => {
    const s = await createMigrationScenario(db.prisma, "ex8");
    const id = await approved(s, [100]);
    stopReady(); // this cluster never brings the target up
    after(() => {
      stopReady = readyTargets(db.prisma);
    });
    const ports = fakePorts();
    const crashing = {
      ...ports,
      copyArtifact: async (a: Parameters<MigrationPorts["copyArtifact"]>[0]) => {
        const r = await ports.copyArtifact(a);
        // The cluster reports the target crash-looping as soon as it exists.
        const t = setInterval(
          () =>
            void db.prisma.deployment
              .updateMany({
                where: { teamId: s.teamId, clusterId: s.targetClusterId },
                data: {
                  phase: "Failed",
                  readyReplicas: 0,
                  lastEvent: "Back-off restarting failed container (CrashLoopBackOff)",
                },
              })
              .catch(() => {}), // a Prisma query runs only once awaited
          20,
        );
        setTimeout(() => clearInterval(t), 3000);
        return r;
      },
    };
    expect(await run(id, crashing)).toBe("ROLLED_BACK");
    expect((await db.prisma.migration.findUniqueOrThrow({ where: { id } })).outcome).toMatch(/CrashLoopBackOff/);
  });
  // VERIFY reads Prometheus first; the traffic steps read it after. `later` answers from the first traffic step on.
  const analysedAfterVerify = (later: MigrationPorts["analyse"]): Partial<MigrationPorts> => {
    let calls = 0;
    return {
      analyse: (a) => (++calls === 1 ? Promise.resolve({ requests: 500, errorRatio: 0, p95Ms: 50 }) : later(a)),
    };
  };

  async function expectSourceServing(s: MigrationScenario, id: string, ports: ReturnType<typeof fakePorts>) {
    const m = await db.prisma.migration.findUniqueOrThrow({ where: { id } });
    // Traffic went back to the source before the target was removed; the source was never scaled down.
    expect(ports.traffic.at(-1)!.map((b) => [b.clusterId, b.weight])).toEqual([[s.clusterId, 100]]);
    const source = await db.prisma.deployment.findUniqueOrThrow({ where: { id: s.deploymentId } });
    expect(source.deletionRequestedAt).toBeNull();
    expect(source.replicas).toBeGreaterThan(0);
    expect(
      (await db.prisma.deployment.findUniqueOrThrow({ where: { id: m.targetDeploymentId! } })).deletionRequestedAt,
    ).not.toBeNull();
    return m;
  }

  it("rolls back when the target's p95 breaks the SLO during a traffic step, source untouched", async () => {
    const s = await createMigrationScenario(db.prisma, "exslo");
    const id = await approved(s, [50, 100]);
    const ports = fakePorts(
      analysedAfterVerify(() => Promise.resolve({ requests: 500, errorRatio: 0, p95Ms: 60_000 })),
    );
    expect(await run(id, ports)).toBe("ROLLED_BACK");
    const m = await expectSourceServing(s, id, ports);
    expect(m.outcome).toMatch(/p95 60000 ms is above the SLO/);
    const steps = await stepsOf(id);
    expect(steps.find((x) => x.kind === "SHIFT_TRAFFIC")?.status).toBe("FAILED");
    expect(steps.filter((x) => x.kind === "DRAIN_SOURCE").map((x) => x.status)).toEqual(["SKIPPED"]);
  });

  it("no data from Prometheus in a traffic step is inconclusive and rolls back, never a success", async () => {
    const s = await createMigrationScenario(db.prisma, "exnodata");
    const id = await approved(s, [100]);
    const ports = fakePorts(
      analysedAfterVerify(() => Promise.resolve({ requests: null, errorRatio: null, p95Ms: null })),
    );
    expect(await run(id, ports)).toBe("ROLLED_BACK");
    const m = await expectSourceServing(s, id, ports);
    expect(m.outcome).toMatch(/^inconclusive: Prometheus has no request data/);
  });

  it("Prometheus down past the retries rolls back, source untouched", async () => {
    const s = await createMigrationScenario(db.prisma, "expromdown");
    const id = await approved(s, [100]);
    let down = 0;
    const ports = fakePorts(
      analysedAfterVerify(() => {
        down += 1;
        return Promise.reject(new Error("Prometheus unreachable: connect ECONNREFUSED 127.0.0.1:9090"));
      }),
    );
    expect(await run(id, ports)).toBe("ROLLED_BACK");
    const m = await expectSourceServing(s, id, ports);
    expect(down).toBeGreaterThan(1); // retried as transient before giving up
    expect(m.outcome).toMatch(/Prometheus unreachable.*\(after \d+ attempts\)/);
  });
});
