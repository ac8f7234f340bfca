// Bounded event history plus live watchers: replays from a resourceVersion like the apiserver's watch cache.
import { StoreError } from "./store-error";
import type { KubeObject, ResourceName, WatchEvent } from "./types";

export interface HistoryEntry {
  rv: number;
  res: ResourceName;
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: KubeObject;
  /** The object before a MODIFIED, so selector watches can see objects enter or leave their selection. */
  prev?: KubeObject;
}

export type ObjectFilter = (o: KubeObject) => boolean;

interface Watcher {
  res: ResourceName;
  filter: ObjectFilter;
  onEvent: (e: WatchEvent) => void;
  queue: WatchEvent[];
  scheduled: boolean;
  closed: boolean;
}

/** Maps a stored change to what one filtered watcher sees: a MODIFIED that leaves the selection is a DELETED. */
export function eventFor(entry: HistoryEntry, filter: ObjectFilter): WatchEvent | undefined {
  const now = filter(entry.object);
  if (entry.type !== "MODIFIED" || !entry.prev) return now ? { type: entry.type, object: entry.object } : undefined;
  const before = filter(entry.prev);
  if (now && before) return { type: "MODIFIED", object: entry.object };
  if (now) return { type: "ADDED", object: entry.object };
  if (before) return { type: "DELETED", object: entry.object };
  return undefined;
}

export class WatchHub {
  private history: HistoryEntry[] = [];
  /** Highest resourceVersion dropped from history: watching from below it would miss events, so it is a 410. */
  private compactedRv = 0;
  private watchers = new Set<Watcher>();

  constructor(private readonly limit: number) {}

  record(entry: HistoryEntry): void {
    this.history.push(entry);
    if (this.history.length > this.limit) {
      const dropped = this.history.splice(0, this.history.length - this.limit);
      this.compactedRv = dropped[dropped.length - 1]!.rv;
    }
    for (const w of this.watchers) {
      if (w.res !== entry.res) continue;
      const e = eventFor(entry, w.filter);
      if (e) this.enqueue(w, e);
    }
  }

  checkNotExpired(fromRv: number): void {
    if (fromRv < this.compactedRv) {
      throw new StoreError("Expired", `too old resource version: ${fromRv} (${this.compactedRv + 1})`);
    }
  }

  /**
   * Subscribes and queues `initial` (synthetic ADDED) or the history after `fromRv`. Events are delivered on a
   * microtask, in order, so a watcher that writes to the store from its callback never re-enters the store.
   */
  subscribe(
    res: ResourceName,
    filter: ObjectFilter,
    start: { initial: KubeObject[] } | { fromRv: number },
    onEvent: (e: WatchEvent) => void,
  ): () => void {
    const w: Watcher = { res, filter, onEvent, queue: [], scheduled: false, closed: false };
    if ("initial" in start) {
      for (const object of start.initial) this.enqueue(w, { type: "ADDED", object });
    } else {
      this.checkNotExpired(start.fromRv);
      for (const entry of this.history) {
        if (entry.rv <= start.fromRv || entry.res !== res) continue;
        const e = eventFor(entry, filter);
        if (e) this.enqueue(w, e);
      }
    }
    this.watchers.add(w);
    return () => {
      w.closed = true;
      this.watchers.delete(w);
    };
  }

  get watcherCount(): number {
    return this.watchers.size;
  }

  private enqueue(w: Watcher, e: WatchEvent): void {
    // Each watcher gets its own copy: callers may mutate what they receive.
    w.queue.push({ type: e.type, object: structuredClone(e.object) });
    if (w.scheduled) return;
    w.scheduled = true;
    queueMicrotask(() => {
      w.scheduled = false;
      const batch = w.queue.splice(0);
      for (const ev of batch) {
        if (w.closed) return;
        try {
          w.onEvent(ev);
        } catch (err) {
          console.error("[sim store] watch callback threw; the event is dropped for this watcher", err);
        }
      }
    });
  }
}
