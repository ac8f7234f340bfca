// The forward steps: copy, deploy, wait ready, verify, shift traffic with analysis, drain, finalize.
// Each is idempotent: a retried or resumed step never copies twice or creates a second target.
import type { MigrationStepKind } from "../../generated/prisma/enums";
import type { StepContext } from "./step-context";
import { StepFailed, TransientError } from "./step-errors";
import type { DeploymentRef } from "./ports";
import { migrationMessage } from "../../domain/migration-messages";

type Evidence = Record<string, unknown>;
export type StepExecutor = (ctx: StepContext) => Promise<Evidence>;

export function sourceRef(ctx: StepContext): DeploymentRef {
  const s = ctx.migration.plan.source;
  return { clusterId: s.clusterId, clusterName: s.clusterName, namespace: s.namespace, name: s.name };
}

export function targetRef(ctx: StepContext): DeploymentRef {
  const t = ctx.migration.plan.target;
  return { clusterId: t.clusterId, clusterName: t.clusterName, namespace: t.namespace, name: t.name };
}

const requireTarget = (ctx: StepContext) => {
  if (!ctx.migration.targetDeploymentId) throw new StepFailed(migrationMessage("targetNotCreated"));
  return ctx.migration.targetDeploymentId;
};

const copyArtifact: StepExecutor = async (ctx) => {
  const m = ctx.migration.plan.model;
  if (!m.targetArtifactUri) throw new StepFailed(migrationMessage("noTargetStore"));
  const started = ctx.now();
  const r = await ctx.ports.copyArtifact({
    teamId: ctx.migration.teamId,
    fromUri: m.artifactUri,
    toUri: m.targetArtifactUri,
    sha256: m.sha256,
    sizeBytes: m.sizeBytes,
    signal: ctx.signal,
  });
  if (r.sha256 !== m.sha256)
    throw new StepFailed(migrationMessage("copyHashMismatch", { got: r.sha256, want: m.sha256 }), {
      ...r,
    });
  return {
    from: m.artifactUri,
    to: m.targetArtifactUri,
    bytes: r.bytes,
    sha256: r.sha256,
    skipped: r.skipped,
    seconds: (ctx.now() - started) / 1000,
  };
};

const deployTarget: StepExecutor = async (ctx) => {
  const id = await ctx.store.createTarget(ctx.migration.id, ctx.fencing, ctx.migration.plan);
  ctx.migration.targetDeploymentId = id;
  const t = ctx.migration.plan.target;
  return { deploymentId: id, cluster: t.clusterName, replicas: t.replicas, gpuType: t.gpuType };
};

/** How long VERIFY may wait for the target's p95 to be known and within the SLO (warm-up included). */
const VERIFY_LATENCY_DEADLINE_MS = 150_000;

const CRASHING = /CrashLoopBackOff|ImagePullBackOff|ErrImagePull|Failed/i;

const waitReady: StepExecutor = async (ctx) => {
  const id = requireTarget(ctx);
  const timeoutMs = Number(ctx.step.params.timeoutSeconds ?? 300) * 1000;
  const deadline = (ctx.step.startedAt?.getTime() ?? ctx.now()) + timeoutMs;
  for (;;) {
    const s = await ctx.store.targetStatus(id);
    if (!s.exists) throw new StepFailed(migrationMessage("targetDisappeared"));
    if (s.replicas > 0 && s.readyReplicas >= s.replicas)
      return {
        readyReplicas: s.readyReplicas,
        replicas: s.replicas,
        seconds: (ctx.now() - (ctx.step.startedAt?.getTime() ?? ctx.now())) / 1000,
      };
    if (CRASHING.test(s.phase))
      throw new StepFailed(
        s.lastEvent
          ? migrationMessage("targetPhaseEvent", { phase: s.phase, event: s.lastEvent })
          : migrationMessage("targetPhase", { phase: s.phase }),
        {
          phase: s.phase,
          lastEvent: s.lastEvent,
        },
      );
    if (ctx.now() > deadline) {
      throw new StepFailed(
        migrationMessage("targetNotReady", {
          seconds: timeoutMs / 1000,
          status: `${s.readyReplicas}/${s.replicas} ready, ${s.phase}${s.lastError ? `; ${s.lastError}` : ""}`,
        }),
        { ...s },
      );
    }
    await ctx.sleep(1000);
  }
};

const verify: StepExecutor = async (ctx) => {
  const { plan } = ctx.migration;
  const goldenSet = await ctx.store.goldenSet(plan.model.versionId);
  const r = await ctx.ports.verify({
    teamId: ctx.migration.teamId,
    modelName: plan.model.name,
    source: sourceRef(ctx),
    target: targetRef(ctx),
    goldenSet,
    tolerance: { abs: plan.verification.absTolerance, rel: plan.verification.relTolerance },
    shadowSamples: plan.verification.shadowSamples,
  });
  const bad = [...r.golden, ...r.shadow].filter((c) => !c.ok);
  const evidence: Evidence = { golden: r.golden, shadow: r.shadow, targetLatencyMs: r.targetLatencyMs };
  if (r.golden.length === 0) throw new StepFailed(migrationMessage("noGoldenCase"), evidence);
  if (bad.length) {
    throw new StepFailed(
      migrationMessage("answersDiffer", {
        bad: bad.length,
        total: r.golden.length + r.shadow.length,
        first: bad[0]!.message ?? "mismatch",
      }),
      evidence,
    );
  }
  // Latency from Prometheus. A new series' first scrape already holds its count, so rate() only sees requests
  // sent between scrapes: keep probing the target while waiting for the data. A freshly loaded model answers
  // its first requests slowly (warm-up), so a p95 above the SLO fails only if it stays there until the deadline.
  const id = requireTarget(ctx);
  const deadline = ctx.now() + VERIFY_LATENCY_DEADLINE_MS;
  let last: { p95Ms: number; requests: number } | null = null;
  for (;;) {
    await ctx.ports.probe({
      teamId: ctx.migration.teamId,
      modelName: plan.model.name,
      target: targetRef(ctx),
      goldenSet,
      requests: 5,
    });
    const a = await ctx.ports.analyse({ teamId: ctx.migration.teamId, deploymentId: id, windowSeconds: 20 });
    if (a.p95Ms !== null && (a.requests ?? 0) > 0) {
      last = { p95Ms: a.p95Ms, requests: a.requests ?? 0 };
      if (a.p95Ms <= plan.latency.sloMs) return { ...evidence, p95Ms: a.p95Ms, sloMs: plan.latency.sloMs };
    }
    if (ctx.now() > deadline) {
      if (last) {
        throw new StepFailed(
          migrationMessage("p95StayedAbove", { p95: Math.round(last.p95Ms), slo: plan.latency.sloMs }),
          { ...evidence, p95Ms: last.p95Ms, sloMs: plan.latency.sloMs },
        );
      }
      throw new StepFailed(migrationMessage("noLatencyData"), evidence);
    }
    await ctx.sleep(1000);
  }
};

const shiftTraffic: StepExecutor = async (ctx) => {
  const { plan } = ctx.migration;
  const id = requireTarget(ctx);
  const percent = Number(ctx.step.params.percent);
  const windowS = Number(ctx.step.params.analysisSeconds ?? plan.traffic.analysisSeconds);
  const backends = [
    { ...sourceRef(ctx), weight: 100 - percent },
    { ...targetRef(ctx), weight: percent },
  ];
  const setAt = ctx.now();
  await ctx.ports.setTraffic({
    teamId: ctx.migration.teamId,
    modelName: plan.model.name,
    backends,
    owned: [sourceRef(ctx), targetRef(ctx)],
  });
  // Until the router reported the weights in effect (a real GLB or weighted DNS takes seconds to minutes).
  const weightsSeconds = (ctx.now() - setAt) / 1000;
  // The window starts once these weights are in effect. A step resumed after its worker died keeps the time its
  // last holder recorded (the router kept those weights meanwhile); if that holder died before setting them, it
  // starts now, so the analysis never reads a window in which the target had not yet received this share.
  const recorded = Number(ctx.step.progress.weightsInEffectAt);
  const inEffectAt = Number.isFinite(recorded) && recorded > 0 ? recorded : ctx.now();
  if (inEffectAt !== recorded)
    await ctx.store.stepProgress(ctx.migration.id, ctx.fencing, ctx.step.index, { weightsInEffectAt: inEffectAt });
  const until = inEffectAt + windowS * 1000;
  if (until > ctx.now()) await ctx.sleep(until - ctx.now());
  const a = await ctx.ports.analyse({ teamId: ctx.migration.teamId, deploymentId: id, windowSeconds: windowS });
  const evidence: Evidence = {
    percent,
    weights: backends.map((b) => ({ cluster: b.clusterName, weight: b.weight })),
    ...a,
    windowSeconds: windowS,
    weightsInEffectAt: new Date(inEffectAt).toISOString(),
    weightsSeconds,
  };
  if (a.requests === null) throw new StepFailed(migrationMessage("noRequestData"), evidence);
  if (a.requests < plan.traffic.minRequests) {
    throw new StepFailed(
      migrationMessage("tooFewRequests", {
        requests: Math.floor(a.requests),
        seconds: windowS,
        min: plan.traffic.minRequests,
      }),
      evidence,
    );
  }
  if (a.errorRatio !== null && a.errorRatio > plan.traffic.maxErrorRatio) {
    throw new StepFailed(
      migrationMessage("errorRatioAbove", {
        ratio: (a.errorRatio * 100).toFixed(2),
        max: (plan.traffic.maxErrorRatio * 100).toFixed(2),
      }),
      evidence,
    );
  }
  if (a.p95Ms === null) throw new StepFailed(migrationMessage("noWindowLatency"), evidence);
  if (a.p95Ms > plan.latency.sloMs)
    throw new StepFailed(
      migrationMessage("p95AboveSlo", { p95: Math.round(a.p95Ms), slo: plan.latency.sloMs }),
      evidence,
    );
  return evidence;
};

const drainSource: StepExecutor = async (ctx) => {
  const { plan } = ctx.migration;
  const id = requireTarget(ctx);
  const until = (ctx.step.startedAt?.getTime() ?? ctx.now()) + Number(ctx.step.params.graceSeconds ?? 0) * 1000;
  if (until > ctx.now()) await ctx.sleep(until - ctx.now());
  const setAt = ctx.now();
  await ctx.ports.setTraffic({
    teamId: ctx.migration.teamId,
    modelName: plan.model.name,
    backends: [{ ...targetRef(ctx), weight: 100 }],
    owned: [sourceRef(ctx), targetRef(ctx)],
  });
  const weightsSeconds = (ctx.now() - setAt) / 1000;
  const r = await ctx.store.drainSource(ctx.migration.id, ctx.fencing, plan, id);
  return { sourceRemoval: "requested", embedLinksMoved: r.embedLinksMoved, weightsSeconds };
};

const finalize: StepExecutor = () => Promise.resolve({ done: true });

export const FORWARD: Partial<Record<MigrationStepKind, StepExecutor>> = {
  COPY_ARTIFACT: copyArtifact,
  DEPLOY_TARGET: deployTarget,
  WAIT_READY: waitReady,
  VERIFY: verify,
  SHIFT_TRAFFIC: shiftTraffic,
  DRAIN_SOURCE: drainSource,
  FINALIZE: finalize,
};

/** Errors that mean "try again" rather than "this check failed". */
export function isTransient(e: unknown): boolean {
  if (e instanceof TransientError) return true;
  if (e instanceof StepFailed) return false;
  const msg = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|timeout|503|502|504|unreachable|ServiceUnavailable/i.test(
    msg,
  );
}
