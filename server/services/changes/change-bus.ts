// The process's bus of "something changed" notices (ids only): services publish, live streams and workers
// listen. With a PostgreSQL server the change feed relays every notice to the other replicas (change-feed.ts).
import { EventEmitter } from "node:events";

export type Change =
  | { kind: "deployment"; teamId: string; id: string; reason: "spec" | "status" }
  | { kind: "migration"; teamId: string; id: string; reason: "state" | "step" }
  | { kind: "cluster"; teamId: string; id: string; reason: "health" }
  /** An embed link was revoked (id: the link) or a team's allowed origins changed (id: the team): drop caches. */
  | { kind: "embed"; teamId: string; id: string; reason: "revoked" | "origins" };

export type ChangeKind = Change["kind"];
type Of<K extends ChangeKind> = Extract<Change, { kind: K }>;

interface Bus {
  emitter: EventEmitter;
  /** Set by the change feed on a PostgreSQL server: sends a locally published change to the other replicas. */
  relay: ((change: Change) => void) | null;
}

const KEY = Symbol.for("tern.changeBus");
const store = globalThis as typeof globalThis & { [KEY]?: Bus };
const bus = (store[KEY] ??= { emitter: new EventEmitter().setMaxListeners(1000), relay: null });

/** A change made in this process: its listeners hear it at once, other replicas through the relay. */
export function publishChange(change: Change): void {
  bus.emitter.emit(change.kind, change);
  bus.relay?.(change);
}

/** A change another replica made (from the feed): only this process's listeners hear it. */
export function deliverChange(change: Change): void {
  bus.emitter.emit(change.kind, change);
}

export function onChange<K extends ChangeKind>(kind: K, listener: (change: Of<K>) => void): () => void {
  const l = listener as (c: Change) => void;
  bus.emitter.on(kind, l);
  return () => bus.emitter.off(kind, l);
}

export function setChangeRelay(relay: ((change: Change) => void) | null): void {
  bus.relay = relay;
}
