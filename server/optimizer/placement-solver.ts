// Runs placement solves in a worker thread (solve-worker.mjs): the main event loop only posts the problem and receives the plan.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { z } from "zod";
import { AppError, type AppErrorCode } from "../errors";
import { CONFLICT_SEARCH_SECONDS } from "./find-conflicting-groups";
import type { PlanOptions } from "./plan-placement";
import type { PlacementPlan } from "./placement-plan";
import type { PlacementProblem } from "./placement-problem";

// Only the envelope is checked: the plan comes from our own worker, and a deep check of a 500-deployment plan would
// cost the main thread the time the worker saves it.
const ZWorkerAnswer = z.union([
  z.object({
    id: z.number(),
    ok: z.literal(true),
    plan: z.custom<PlacementPlan>((v) => typeof v === "object" && v !== null && "status" in v),
  }),
  z.object({ id: z.number(), ok: z.literal(false), code: z.string().nullable(), error: z.string() }),
]);

const ZProgress = z.object({
  id: z.number(),
  progress: z.literal("first-feasible"),
  by: z.enum(["heuristic", "solver"]),
});

function workerFile(): string {
  // Beside this module under tsx/Vitest. A Next.js bundle moves this module (and rewrites `new URL(…, import.meta.url)`
  // into an asset path that is no URL), so the path is built by hand and falls back to the source tree.
  try {
    const here = path.join(path.dirname(fileURLToPath(import.meta.url)), "solve-worker.mjs");
    if (existsSync(here)) return here;
  } catch {
    // import.meta.url is not a file URL in this bundle: use the source tree.
  }
  return path.join(process.cwd(), "server/optimizer/solve-worker.mjs");
}

interface Pending {
  resolve: (plan: PlacementPlan) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  /** When the first feasible plan was known, on this thread's clock. */
  firstAt: number | null;
}

export class PlacementSolver {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /**
   * Solves in the worker: times in the plan (`solveMs`, `firstFeasibleMs`) are measured here, from the post to the
   * answer, so they include the hand-over between threads.
   */
  solvePlacement(problem: PlacementProblem, options: PlanOptions): Promise<PlacementPlan> {
    const t0 = performance.now();
    const worker = this.start();
    const id = this.nextId++;
    const { timeLimitSeconds } = options;
    return new Promise<PlacementPlan>((resolve, reject) => {
      // HiGHS stops itself at the time limit (and the conflict search at its budget); this guard only catches a
      // wedged worker.
      const guard = timeLimitSeconds + CONFLICT_SEARCH_SECONDS + 30;
      const timer = setTimeout(() => {
        this.fail(
          new AppError("INTERNAL_SERVER_ERROR", `the solver did not answer within ${guard} s; try a smaller plan`),
        );
      }, guard * 1000);
      const pending: Pending = {
        resolve: (plan) => {
          const now = performance.now();
          resolve({
            ...plan,
            solveMs: now - t0,
            firstFeasibleMs: plan.firstFeasibleBy === null ? null : (pending.firstAt ?? now) - t0,
          });
        },
        reject,
        timer,
        firstAt: null,
      };
      this.pending.set(id, pending);
      worker.ref();
      worker.postMessage({ id, problem, options });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.fail(new AppError("INTERNAL_SERVER_ERROR", "the solver was stopped"));
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Through getBuiltinModule so Turbopack does not see `new Worker(path)` and bundle the worker file as a module.
    const { Worker: WorkerThread } = process.getBuiltinModule("node:worker_threads");
    const w = new WorkerThread(workerFile());
    w.on("message", (raw: unknown) => {
      const progress = ZProgress.safeParse(raw);
      if (progress.success) {
        const p = this.pending.get(progress.data.id);
        if (p) p.firstAt ??= performance.now();
        return;
      }
      const answer = ZWorkerAnswer.safeParse(raw);
      if (!answer.success)
        return this.fail(new AppError("INTERNAL_SERVER_ERROR", "the solver worker sent an unreadable answer"));
      const p = this.pending.get(answer.data.id);
      if (!p) return;
      this.pending.delete(answer.data.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) w.unref();
      if (answer.data.ok) p.resolve(answer.data.plan);
      else if (answer.data.code) p.reject(new AppError(answer.data.code as AppErrorCode, answer.data.error));
      else p.reject(new AppError("INTERNAL_SERVER_ERROR", `the solver failed: ${answer.data.error}`));
    });
    w.on("error", (e) => this.fail(new AppError("INTERNAL_SERVER_ERROR", `the solver worker crashed: ${e.message}`)));
    w.on("exit", () => {
      if (this.worker === w) this.worker = null;
    });
    w.unref();
    this.worker = w;
    return w;
  }

  private fail(e: Error) {
    const w = this.worker;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
    // A worker that failed one job may be wedged: the next solve starts a fresh one.
    if (w && e.message !== "the solver was stopped") {
      this.worker = null;
      void w.terminate();
    }
  }
}

let shared: PlacementSolver | null = null;
/** One solver worker per process: solves queue behind each other rather than competing for the CPU. */
export function sharedPlacementSolver(): PlacementSolver {
  shared ??= new PlacementSolver();
  return shared;
}
