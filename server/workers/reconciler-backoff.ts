// When the reconciler retries a change that failed: per deployment and generation, doubling from 2 s up to
// 60 s; a success, or a newer generation of the deployment's spec, starts the schedule over.
export interface RetrySchedule {
  /** Whether the change may be tried at `now`: never failed, a newer generation, or its retry time has come. */
  due(id: string, generation: number, now: number): boolean;
  /** Records a failed try at `now`; returns how long to wait before the next one (ms). */
  failed(id: string, generation: number, now: number): number;
  /** The change reached the cluster: forget its failures. */
  succeeded(id: string): void;
}

export const RETRY_INITIAL_MS = 2_000;
export const RETRY_MAX_MS = 60_000;

export function createRetrySchedule(opts: { initialMs?: number; maxMs?: number } = {}): RetrySchedule {
  const initial = opts.initialMs ?? RETRY_INITIAL_MS;
  const max = opts.maxMs ?? RETRY_MAX_MS;
  const retries = new Map<string, { generation: number; at: number; delay: number }>();
  return {
    due(id, generation, now) {
      const r = retries.get(id);
      return !r || r.generation !== generation || r.at <= now;
    },
    failed(id, generation, now) {
      const prev = retries.get(id);
      const delay = Math.min(max, prev && prev.generation === generation ? prev.delay * 2 : initial);
      retries.set(id, { generation, at: now + delay, delay });
      return delay;
    },
    succeeded(id) {
      retries.delete(id);
    },
  };
}
