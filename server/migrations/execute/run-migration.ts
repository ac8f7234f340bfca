// Runs one migration under a held lease, like a controller reconciling desired state: from the persisted
// steps it resumes where the last holder stopped, runs each step (persisted before and after), retries
// transient errors, and on a failed check or an abort rolls back. The source is never touched before
// the target is verified and carries all traffic.
import { ROLLBACK_STEPS } from "../plan/plan-steps";
import { FORWARD, isTransient, type StepExecutor } from "./forward-steps";
import type { MigrationPorts } from "./ports";
import { ROLLBACK } from "./rollback-steps";
import type { RunStep, RunStore } from "./run-store";
import type { StepContext } from "./step-context";
import { AbortRequested, LeaseLost, StepFailed } from "./step-errors";
import { errorMessage } from "../../domain/error-message";
import { migrationMessage } from "../../domain/migration-messages";

export interface RunOptions {
  id: string;
  fencing: number;
  store: RunStore;
  ports: MigrationPorts;
  signal: AbortSignal;
  log?: (m: string) => void;
  /** Attempts per step for transient errors (cluster API outage) before it counts as failed. */
  maxAttempts?: number;
  retryDelayMs?: (attempt: number) => number;
  now?: () => number;
}

const NO_ROLLBACK_AFTER = new Set(["DRAIN_SOURCE", "FINALIZE"]);
const message = errorMessage;

export async function runMigration(o: RunOptions): Promise<string> {
  const log = o.log ?? (() => {});
  const now = o.now ?? Date.now;
  const maxAttempts = o.maxAttempts ?? 5;
  const delay = o.retryDelayMs ?? ((n: number) => Math.min(30_000, 1000 * 2 ** (n - 1)));
  await o.store.claim(o.id, o.fencing);
  const loaded = await o.store.load(o.id);
  if (!loaded) return "gone";
  const m = loaded.migration;

  if (m.state === "APPROVED") {
    const held = await o.store.approvalsHold(m);
    if (!held.ok) {
      await o.store.setState(o.id, o.fencing, { state: "PENDING_APPROVAL", outcome: held.message });
      return "PENDING_APPROVAL";
    }
    await o.store.setState(o.id, o.fencing, { state: "RUNNING", started: true });
    m.state = "RUNNING";
  }
  if (m.state !== "RUNNING" && m.state !== "ROLLING_BACK") return m.state;

  let abortable = true;
  const sleep = async (ms: number) => {
    const end = now() + ms;
    while (now() < end) {
      if (o.signal.aborted) throw new LeaseLost();
      if (abortable) {
        const a = await o.store.abortState(o.id);
        if (a.requested) throw new AbortRequested(a.by);
      }
      await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, end - now()))));
    }
    if (o.signal.aborted) throw new LeaseLost();
  };

  /** Runs one step to success (retrying transient errors); throws StepFailed/AbortRequested/LeaseLost. */
  async function runStep(step: RunStep, exec: StepExecutor): Promise<void> {
    for (;;) {
      if (o.signal.aborted) throw new LeaseLost();
      const running = await o.store.stepStarted(o.id, o.fencing, step.index);
      const ctx: StepContext = {
        migration: m,
        step: running,
        fencing: o.fencing,
        ports: o.ports,
        store: o.store,
        signal: o.signal,
        sleep,
        now,
      };
      try {
        const evidence = await exec(ctx);
        await o.store.stepFinished(o.id, o.fencing, step.index, "SUCCEEDED", null, evidence);
        log(`migration ${o.id}: ${step.label} — done`);
        return;
      } catch (e) {
        if (e instanceof LeaseLost || e instanceof AbortRequested) throw e;
        // Cut off because the lease was lost (or the worker stops): whatever the error says, it is no verdict on the
        // step. Record nothing; whoever holds the lease next resumes the step.
        if (o.signal.aborted) throw new LeaseLost();
        if (isTransient(e) && running.attempts < maxAttempts) {
          const wait = delay(running.attempts);
          await o.store.stepNote(
            o.id,
            o.fencing,
            step.index,
            migrationMessage("retrying", {
              attempt: running.attempts,
              error: message(e),
              seconds: Math.round(wait / 1000),
            }),
          );
          await sleep(wait);
          continue;
        }
        const failed =
          e instanceof StepFailed
            ? e
            : new StepFailed(
                isTransient(e)
                  ? migrationMessage("afterAttempts", { error: message(e), attempts: running.attempts })
                  : message(e),
              );
        await o.store.stepFinished(o.id, o.fencing, step.index, "FAILED", failed.message, failed.evidence);
        throw failed;
      }
    }
  }

  async function rollback(reason: string): Promise<string> {
    abortable = false;
    const fresh = (await o.store.load(o.id))!;
    if (fresh.migration.state !== "ROLLING_BACK") {
      await o.store.setState(o.id, o.fencing, { state: "ROLLING_BACK", outcome: reason });
    }
    let steps = fresh.steps;
    if (!steps.some((s) => s.kind === "ROLLBACK_TRAFFIC")) {
      await o.store.appendSteps(o.id, o.fencing, ROLLBACK_STEPS);
      steps = (await o.store.load(o.id))!.steps;
    }
    // Forward steps that never ran are skipped, so the stepper shows where it stopped.
    for (const s of steps)
      if (s.status === "PENDING" && !ROLLBACK[s.kind])
        await o.store.stepFinished(o.id, o.fencing, s.index, "SKIPPED", null, {});
    for (const s of steps.filter((s) => ROLLBACK[s.kind] && s.status !== "SUCCEEDED")) {
      try {
        await runStep(s, ROLLBACK[s.kind]!);
      } catch (e) {
        if (e instanceof LeaseLost) throw e;
        const outcome = migrationMessage("rollbackIncomplete", { error: message(e) });
        await o.store.finish(o.id, o.fencing, { state: "FAILED", outcome, evidence: { reason } });
        return "FAILED";
      }
    }
    await o.store.finish(o.id, o.fencing, { state: "ROLLED_BACK", outcome: reason, evidence: { reason } });
    log(`migration ${o.id}: rolled back — ${reason}`);
    return "ROLLED_BACK";
  }

  try {
    if (m.state === "ROLLING_BACK") return await rollback(m.outcome ?? "rollback resumed");
    for (const step of loaded.steps) {
      const exec = FORWARD[step.kind];
      if (!exec || step.status === "SUCCEEDED" || step.status === "SKIPPED") continue;
      if (NO_ROLLBACK_AFTER.has(step.kind)) abortable = false;
      if (abortable) {
        const a = await o.store.abortState(o.id);
        if (a.requested) throw new AbortRequested(a.by);
      }
      try {
        await runStep(step, exec);
      } catch (e) {
        if (e instanceof StepFailed && !abortable) {
          // Past the point of no return the target carries all traffic: keep retrying, never roll back.
          await o.store.stepNote(o.id, o.fencing, step.index, migrationMessage("pastNoReturn", { error: e.message }));
          return "RUNNING";
        }
        throw e;
      }
    }
    await o.store.finish(o.id, o.fencing, {
      state: "SUCCEEDED",
      outcome: migrationMessage("nowRunningOn", { cluster: m.plan.target.clusterName }),
      evidence: {},
    });
    return "SUCCEEDED";
  } catch (e) {
    const lost = (l: LeaseLost) => {
      log(`migration ${o.id}: ${l.message}; stopping`);
      return "LOST";
    };
    if (e instanceof LeaseLost) return lost(e);
    if (!(e instanceof AbortRequested || e instanceof StepFailed)) throw e;
    try {
      return await rollback(e.message);
    } catch (r) {
      if (r instanceof LeaseLost) return lost(r); // the rollback is resumed by the next holder
      throw r;
    }
  }
}
