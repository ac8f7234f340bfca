// In-process notifications that a migration changed: wakes the migration worker and live pages.
import { EventEmitter } from "node:events";

export interface MigrationChange {
  teamId: string;
  migrationId: string;
  reason: "state" | "step";
}

const KEY = Symbol.for("tern.migrationEvents");
const store = globalThis as typeof globalThis & { [KEY]?: EventEmitter };
const emitter = (store[KEY] ??= new EventEmitter().setMaxListeners(1000));

export function notifyMigrationsChanged(change: MigrationChange): void {
  emitter.emit("change", change);
}

export function onMigrationsChanged(listener: (change: MigrationChange) => void): () => void {
  emitter.on("change", listener);
  return () => emitter.off("change", listener);
}
