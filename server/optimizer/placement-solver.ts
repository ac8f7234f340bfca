// Runs HiGHS in a worker thread (solve-worker.mjs): the main event loop only writes the LP text and reads the answer.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { z } from "zod";
import { AppError } from "../errors";

const ZWorkerAnswer = z.union([
  z.object({
    id: z.number(),
    ok: z.literal(true),
    status: z.number(),
    hasSolution: z.boolean(),
    objective: z.number().nullable(),
    /** Names of the columns at 1. */
    ones: z.array(z.string()),
    mipGap: z.number().nullable(),
    dualBound: z.number().nullable(),
    nodes: z.number().nullable(),
    firstIncumbentSeconds: z.number().nullable(),
    runSeconds: z.number(),
  }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);
export type LpAnswer = Extract<z.infer<typeof ZWorkerAnswer>, { ok: true }>;

/** HiGHS model status codes (highs.constants.modelStatus). */
export const LP_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  timeLimit: 13,
  interrupted: 17,
} as const;

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
  resolve: (a: LpAnswer) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  onFirstIncumbent: (() => void) | undefined;
}

const ZProgress = z.object({ id: z.number(), progress: z.literal("first-incumbent") });

export class PlacementSolver {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /**
   * `start`: names of the columns at 1 in a known feasible plan; `onFirstIncumbent` fires when HiGHS has its first
   * feasible plan, while it keeps searching.
   */
  solveLp(
    lp: string,
    opts: { timeLimitSeconds: number; mipRelGap?: number; start?: string[]; onFirstIncumbent?: () => void },
  ): Promise<LpAnswer> {
    const { timeLimitSeconds, onFirstIncumbent } = opts;
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<LpAnswer>((resolve, reject) => {
      // HiGHS stops itself at the time limit; this guard only catches a wedged worker (e.g. a huge LP text to parse).
      const timer = setTimeout(
        () => {
          this.fail(
            new AppError(
              "INTERNAL_SERVER_ERROR",
              `the solver did not answer within ${timeLimitSeconds + 30} s; try a smaller plan`,
            ),
          );
        },
        (timeLimitSeconds + 30) * 1000,
      );
      this.pending.set(id, { resolve, reject, timer, onFirstIncumbent });
      worker.ref();
      worker.postMessage({ id, lp, timeLimitSeconds, mipRelGap: opts.mipRelGap ?? 1e-4, start: opts.start ?? [] });
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
      if (progress.success) return this.pending.get(progress.data.id)?.onFirstIncumbent?.();
      const answer = ZWorkerAnswer.safeParse(raw);
      if (!answer.success)
        return this.fail(new AppError("INTERNAL_SERVER_ERROR", "the solver worker sent an unreadable answer"));
      const p = this.pending.get(answer.data.id);
      if (!p) return;
      this.pending.delete(answer.data.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) w.unref();
      if (answer.data.ok) p.resolve(answer.data);
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
