// Issue 8's bench figures on the simulated demo fleet (in-process, real local Prometheus, Tern's own workers):
// one migration's overhead beyond copy + target rollout + configured windows, and 20 concurrent migrations.
import { requestAndApprove, startFleetHarness, until, waitEnded, type FleetHarness } from "../test/fleet-harness.ts";
import type { Figure } from "./list-bench.ts";

const secs = (a: Date | null, b: Date | null) => (a && b ? (b.getTime() - a.getTime()) / 1000 : 0);

export interface MigrationsBenchResult {
  figures: Figure[];
  lines: string[];
}

/** Figure 1: total (APPROVED → SUCCEEDED) minus copy, target rollout, analysis windows and drain grace. */
async function overheadBench(h: FleetHarness, out: MigrationsBenchResult) {
  const { db, teamId } = h;
  const windowS = 15;
  const steps = [50, 100];
  const graceS = 2;
  const source = await until(
    "credit-risk ready on AWS",
    () => h.db.prisma.deployment.findFirst({ where: { teamId, name: "credit-risk", phase: "Ready" } }),
    180_000,
  );
  // onprem-dc1 (A100, 4 ms region latency) keeps credit-risk within its 120 ms SLO; lepton's p95 is above it.
  const target = await db.prisma.cluster.findFirstOrThrow({ where: { teamId, name: "onprem-dc1" } });
  await until("traffic reaching credit-risk", async () => (await h.load("credit-risk")).success > 20, 60_000);
  const before = await h.load("credit-risk");
  const m = await requestAndApprove(h, {
    deploymentId: source.id,
    targetClusterId: target.id,
    targetGpuType: "A100",
    trafficSteps: steps,
    analysisSeconds: windowS,
    drainGraceSeconds: graceS,
    minRequests: 10,
  });
  const [row] = await waitEnded(db.prisma, [m.id], 240_000);
  const after = await h.load("credit-risk");
  const st = await db.prisma.migrationStep.findMany({ where: { migrationId: m.id }, orderBy: { index: "asc" } });
  const dur = (kind: string) =>
    st.filter((s) => s.kind === kind).reduce((t, s) => t + secs(s.startedAt, s.finishedAt), 0);
  const end = row!.finishedAt ?? new Date();
  const total = secs(m.approvedAt, end);
  const copy = dur("COPY_ARTIFACT");
  const rollout = dur("DEPLOY_TARGET") + dur("WAIT_READY");
  const windows = steps.length * windowS;
  const overhead = total - copy - rollout - windows - graceS;
  const firstStart =
    st
      .map((s) => s.startedAt)
      .filter((d): d is Date => !!d)
      .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const pickup = secs(m.approvedAt, firstStart);
  const verify = dur("VERIFY");
  const traffic = dur("SHIFT_TRAFFIC") - windows + (dur("DRAIN_SOURCE") - graceS);
  const finalize = dur("FINALIZE");
  // Time until the router reported new weights in effect (the demo GLB takes trafficPropagationMs per change).
  const router = st
    .filter((s) => s.kind === "SHIFT_TRAFFIC" || s.kind === "DRAIN_SOURCE")
    .reduce((t, s) => t + (Number((s.evidence as { weightsSeconds?: number } | null)?.weightsSeconds) || 0), 0);
  const stepSum = st.reduce((t, s) => t + secs(s.startedAt, s.finishedAt), 0);
  const gaps = total - pickup - stepSum;
  const ok = row!.state === "SUCCEEDED";
  const goal = overhead <= 5;
  out.lines.push(
    `# migration credit-risk aws-use1-gpu → onprem-dc1: ${row!.state}${ok ? "" : ` (${row!.outcome ?? ""})`}; total ${total.toFixed(2)} s = copy ${copy.toFixed(2)} + rollout ${rollout.toFixed(2)} + windows ${windows} (${steps.length} × ${windowS} s) + drain grace ${graceS} + overhead ${overhead.toFixed(2)}; load failures during it: ${after.failure - before.failure}`,
    `migration.overhead: ${overhead.toFixed(2)} s (goal <= 5 s: ${goal ? "met" : "NOT MET"}${ok ? "" : `; migration ended ${row!.state}`})`,
    `migration.overhead.verify: ${verify.toFixed(2)} s (VERIFY incl. golden set, probe and waiting for Prometheus)`,
    `migration.overhead.pickup: ${pickup.toFixed(2)} s (APPROVED → first step started)`,
    `migration.overhead.traffic_setting: ${traffic.toFixed(2)} s (SHIFT_TRAFFIC + DRAIN_SOURCE beyond windows and grace: setting weights, GLB poll, analysis queries)`,
    `migration.overhead.router_propagation: ${router.toFixed(2)} s (of traffic_setting: until the GLB reported each weight change in effect)`,
    `migration.overhead_beyond_router: ${(overhead - router).toFixed(2)} s (overhead without the router's propagation, which is the GLB's time like rollout is the cluster's)`,
    `migration.overhead.finalize: ${finalize.toFixed(2)} s (FINALIZE)`,
    `migration.overhead.between_steps: ${gaps.toFixed(2)} s (gaps between steps and after the last one)`,
  );
  out.figures.push(
    { name: "migration.overhead", value: overhead, unit: "s" },
    { name: "migration.overhead.verify", value: verify, unit: "s" },
    { name: "migration.overhead.pickup", value: pickup, unit: "s" },
    { name: "migration.overhead.traffic_setting", value: traffic, unit: "s" },
    { name: "migration.overhead.router_propagation", value: router, unit: "s" },
    { name: "migration.overhead_beyond_router", value: overhead - router, unit: "s" },
    { name: "migration.overhead.finalize", value: finalize, unit: "s" },
    { name: "migration.overhead.between_steps", value: gaps, unit: "s" },
    { name: "migration.total", value: total, unit: "s" },
    { name: "migration.copy", value: copy, unit: "s" },
    { name: "migration.rollout", value: rollout, unit: "s" },
  );
  // The source goes away after FINALIZE; wait so its GPUs are free for the next figure.
  if (ok)
    await until(
      "the source removed",
      async () => (await db.prisma.deployment.count({ where: { id: source.id } })) === 0,
      60_000,
    );
}

// 20 extra deployments (1 replica, 1 GPU each) on the models' home clusters (only there is the artifact in a
// store the cluster reads; a migration copies it to the target's), each migrating within its residency zone.
// GPUs (packages/sim/src/fleet.config.json): aws H100 8 / A10G 8, lepton H100 16, onprem A100 16, ack A10 12, cce A100 8.
// Busy before: credit-risk 2 × A100 on onprem (after figure 1), ranker 1 × A10 on ack.
const PLAN: { model: string; from: string; gpu: string; to: string; toGpu: string; n: number }[] = [
  { model: "credit-risk", from: "aws-use1-gpu", gpu: "H100", to: "lepton-h100", toGpu: "H100", n: 6 },
  { model: "credit-risk", from: "aws-use1-gpu", gpu: "H100", to: "onprem-dc1", toGpu: "A100", n: 2 },
  { model: "credit-risk", from: "aws-use1-gpu", gpu: "A10G", to: "onprem-dc1", toGpu: "A100", n: 4 },
  { model: "ranker", from: "ack-hangzhou", gpu: "A10", to: "cce-beijing4", toGpu: "A100", n: 8 },
];

/** Figure 2: 20 concurrent migrations; dropped requests, duplicate target deployments, artifact copies. */
async function concurrentBench(h: FleetHarness, out: MigrationsBenchResult) {
  const { db, teamId } = h;
  const operator = await h.caller("OPERATOR");
  const cluster = async (name: string) => db.prisma.cluster.findFirstOrThrow({ where: { teamId, name } });
  const version = async (model: string) =>
    db.prisma.modelVersion.findFirstOrThrow({
      where: { teamId, model: { name: model } },
      orderBy: { createdAt: "desc" },
    });
  const slo: Record<string, number> = { "credit-risk": 300, ranker: 400 };
  const made: { id: string; to: string; toGpu: string }[] = [];
  let i = 0;
  for (const p of PLAN) {
    const c = await cluster(p.from);
    const v = await version(p.model);
    for (let k = 0; k < p.n; k++, i++) {
      const d = await operator.deployment.create({
        clusterId: c.id,
        modelVersionId: v.id,
        gpuType: p.gpu,
        gpusPerReplica: 1,
        replicas: 1,
        namespace: "models",
        name: `${p.model}-b${String(i).padStart(2, "0")}`,
        minReplicas: 1,
        maxReplicas: 2,
        latencySloMs: slo[p.model]!,
      });
      made.push({ id: d.id, to: p.to, toGpu: p.toGpu });
    }
  }
  const ids = made.map((m) => m.id);
  try {
    await until(
      "the 20 deployments ready",
      async () => (await db.prisma.deployment.count({ where: { id: { in: ids }, phase: "Ready" } })) === ids.length,
      150_000,
      1000,
    );
  } catch (e) {
    const rows = await db.prisma.deployment.findMany({
      where: { id: { in: ids }, phase: { not: "Ready" } },
      include: { cluster: true },
    });
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}: not ready ${rows.map((r) => `${r.name}@${r.cluster.name}/${r.gpuType}=${r.phase}`).join(", ")}`,
    );
  }
  const t0 = Date.now();
  const before = await h.loadAll();
  const targets: Record<string, string> = {};
  for (const n of new Set(made.map((m) => m.to))) targets[n] = (await cluster(n)).id;
  const migs = await Promise.all(
    made.map((m) =>
      requestAndApprove(h, {
        deploymentId: m.id,
        targetClusterId: targets[m.to]!,
        targetGpuType: m.toGpu,
        trafficSteps: [50, 100],
        analysisSeconds: 15,
        drainGraceSeconds: 2,
        minRequests: 3,
      }),
    ),
  );
  const rows = await waitEnded(
    db.prisma,
    migs.map((m) => m.id),
    600_000,
  );
  const wall = (Date.now() - t0) / 1000;
  const after = await h.loadAll();
  const failures = Object.keys(after).reduce((t, k) => t + (after[k]!.failure - (before[k]?.failure ?? 0)), 0);
  const sent = Object.keys(after).reduce((t, k) => t + (after[k]!.sent - (before[k]?.sent ?? 0)), 0);
  const succeeded = rows.filter((r) => r.state === "SUCCEEDED").length;
  const rolledBack = rows.filter((r) => r.state === "ROLLED_BACK").length;
  const other = rows.length - succeeded - rolledBack;
  // Duplicate side effects: target deployments each migration made (by its name on its target cluster), must be 1.
  const steps = await db.prisma.migrationStep.findMany({ where: { migrationId: { in: rows.map((r) => r.id) } } });
  let duplicates = 0;
  const perMigration: number[] = [];
  for (const r of rows) {
    const deploy = steps.filter((s) => s.migrationId === r.id && s.kind === "DEPLOY_TARGET");
    const plan = r.plan as { target?: { name?: string; namespace?: string } };
    const name = plan.target?.name;
    const live = name
      ? await db.prisma.deployment.count({
          where: { teamId, clusterId: r.targetClusterId, name, namespace: plan.target?.namespace ?? "models" },
        })
      : 0;
    // A rolled-back migration removed its target again; count the DEPLOY_TARGET step that made it instead.
    const made = r.state === "SUCCEEDED" ? live : deploy.filter((s) => s.status === "SUCCEEDED").length;
    perMigration.push(made);
    if (made > 1) duplicates += made - 1;
  }
  const copies = steps.filter((s) => s.kind === "COPY_ARTIFACT" && s.status === "SUCCEEDED");
  const notSkipped = new Map<string, number>();
  for (const s of copies) {
    const e = s.evidence as { to?: string; skipped?: boolean };
    const key = e.to ?? "?";
    notSkipped.set(key, (notSkipped.get(key) ?? 0) + (e.skipped ? 0 : 1));
  }
  const pairs = notSkipped.size;
  const realCopies = [...notSkipped.values()].reduce((a, b) => a + b, 0);
  const maxPerPair = Math.max(0, ...notSkipped.values());
  // What the dropped requests met, so a non-zero figure can be explained (failures after t0 only).
  const since = new Date(t0).toISOString();
  const dropped = Object.entries(after).flatMap(([model, s]) =>
    (s.recentFailures ?? [])
      .filter((f) => f.at >= since)
      .map(
        (f) =>
          `#   dropped ${model} at ${f.at.slice(11, 23)} via ${f.backend || "no backend"}: ${f.error.slice(0, 160)}`,
      ),
  );
  const outcomes = rows.filter((r) => r.state !== "SUCCEEDED").map((r) => `${r.state}: ${r.outcome ?? ""}`);
  out.lines.push(
    `# 20 concurrent migrations (steps 50,100, 15 s windows, approvals ${[...new Set(migs.map((m) => m.requiredApprovals))].join("/")}): ${succeeded} succeeded, ${rolledBack} rolled back, ${other} other; ${sent} load requests sent during the run; target deployments per migration ${perMigration.join(",")}`,
    ...[...new Set(outcomes)].slice(0, 5).map((o) => `#   ${outcomes.filter((x) => x === o).length} × ${o}`),
    `migrations.concurrent.succeeded: ${succeeded} of 20`,
    `migrations.concurrent.rolled_back: ${rolledBack} of 20`,
    `migrations.concurrent.dropped_requests: ${failures} requests (goal 0: ${failures === 0 ? "met" : "NOT MET"})`,
    ...dropped.slice(0, 10),
    `migrations.concurrent.duplicate_side_effects: ${duplicates} extra target deployments (goal 0: ${duplicates === 0 ? "met" : "NOT MET"})`,
    `migrations.concurrent.artifact_copies: ${realCopies} copies not skipped over ${pairs} (artifact, target bucket) pairs (max ${maxPerPair} per pair; goal 1)`,
    `migrations.concurrent.wall: ${wall.toFixed(2)} s`,
  );
  out.figures.push(
    { name: "migrations.concurrent.succeeded", value: succeeded, unit: "migrations" },
    { name: "migrations.concurrent.rolled_back", value: rolledBack, unit: "migrations" },
    { name: "migrations.concurrent.dropped_requests", value: failures, unit: "requests" },
    { name: "migrations.concurrent.duplicate_side_effects", value: duplicates, unit: "deployments" },
    { name: "migrations.concurrent.artifact_copies", value: realCopies, unit: "copies" },
    { name: "migrations.concurrent.artifact_pairs", value: pairs, unit: "pairs" },
    { name: "migrations.concurrent.wall", value: wall, unit: "s" },
  );
}

export async function runMigrationsBench(log: (line: string) => void = console.log): Promise<Figure[]> {
  // 24 req/s per model: the concurrent figure spreads each model's load over ~12 backends, and every target
  // needs its minimum request count in each 15 s window.
  const h = await startFleetHarness({ rps: 24, log: () => {} });
  const out: MigrationsBenchResult = { figures: [], lines: [] };
  const flush = () => {
    for (const l of out.lines.splice(0)) log(l);
  };
  try {
    await overheadBench(h, out);
    flush();
    await concurrentBench(h, out);
    flush();
  } finally {
    flush();
    await h.stop();
  }
  return out.figures;
}
