// A level-triggered controller loop: watch some resources, coalesce bursts of events into one pass, and
// resync on a timer (for time-based rules such as progress deadlines). A pass reconciles everything; the
// simulated clusters hold tens of objects, so that is cheaper and simpler than per-key work queues.
import type { ObjectStore, ResourceName } from "../store/object-store";
import { isStoreError } from "../store/object-store";
import type { SimClock } from "./sim-clock";

export interface ReconcileLoop {
  /** Requests a pass soon (coalesced with any already requested). */
  poke(): void;
  stop(): void;
}

export function startReconcileLoop(opts: {
  name: string;
  store: ObjectStore;
  clock: SimClock;
  watch: ResourceName[];
  /** Simulated milliseconds between resyncs. */
  resyncMs: number;
  reconcile: () => void;
}): ReconcileLoop {
  let scheduled = false;
  let stopped = false;
  let lastError = "";

  const run = () => {
    scheduled = false;
    if (stopped) return;
    try {
      opts.reconcile();
      lastError = "";
    } catch (e) {
      // Conflict / NotFound: another writer won a race (or the object went away); the next pass re-reads.
      if (isStoreError(e) && (e.reason === "Conflict" || e.reason === "NotFound")) return poke();
      // Anything else is a bug to show, once, and retried only on resync so it cannot spin the CPU.
      const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
      if (text !== lastError) console.error(`[sim ${opts.name}] reconcile failed:`, e);
      lastError = text;
    }
  };

  function poke() {
    if (scheduled || stopped) return;
    scheduled = true;
    // setImmediate (not a microtask): lets a burst of watch events land first, and lets I/O run between passes.
    setImmediate(run);
  }

  // Our own writes wake us once more; a converged pass writes nothing (the store drops no-op writes), so it settles.
  const unwatch = opts.watch.map((res) => opts.store.watch(res, {}, poke));
  const cancelResync = opts.clock.every(opts.resyncMs, poke);
  poke();

  return {
    poke,
    stop() {
      stopped = true;
      cancelResync();
      for (const u of unwatch) u();
    },
  };
}
