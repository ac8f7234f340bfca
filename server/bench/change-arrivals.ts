// Tracks when a change to a deployment reaches the database and an open page's live stream, one pending change per id.
import { nowMs } from "./latency-stats.ts";

export interface Arrival {
  db: number;
  page: number;
}

interface Pending {
  t0: number;
  db?: number;
  page?: number;
  settle: (a: Arrival) => void;
  timer: NodeJS.Timeout;
}

export class ChangeArrivals {
  private readonly pending = new Map<string, Pending>();
  /** When anything last arrived, pending or not: the sync is quiet once this stops moving. */
  lastAt = nowMs();
  /** Database writes seen (notifications), pending or not. */
  writes = 0;

  /** Call right before making the change; resolves with both latencies in ms, rejects after `timeoutMs`. */
  expect(id: string, timeoutMs: number): Promise<Arrival> {
    if (this.pending.has(id)) throw new Error(`a change to ${id} is already pending`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        reject(
          new Error(
            `a status change to deployment ${id} did not reach the ${p?.db === undefined ? "database" : "page"} within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { t0: nowMs(), settle: resolve, timer });
    });
  }

  /** The sync's write for `id` committed (recordDeploymentStatus notifies right after its UPDATE resolves). */
  db(id: string): void {
    this.arrive(id, "db");
  }

  /** The page's SSE stream delivered an event for `id` at `at` (nowMs(), possibly read in another process). */
  page(id: string, at: number): void {
    this.arrive(id, "page", at);
  }

  private arrive(id: string, where: "db" | "page", at = nowMs()): void {
    this.lastAt = Math.max(this.lastAt, at);
    if (where === "db") this.writes++;
    const p = this.pending.get(id);
    if (!p || p[where] !== undefined) return;
    p[where] = at - p.t0;
    if (p.db === undefined || p.page === undefined) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    p.settle({ db: p.db, page: p.page });
  }
}
