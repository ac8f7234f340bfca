// What a step executor gets: the migration, its step, the ports and store, and an abortable sleep.
import type { MigrationPorts } from "./ports";
import type { RunMigration, RunStep, RunStore } from "./run-store";

export interface StepContext {
  migration: RunMigration;
  step: RunStep;
  fencing: number;
  ports: MigrationPorts;
  store: RunStore;
  signal: AbortSignal;
  /** Sleeps, checking every second that the lease is held and (when abortable) that nobody aborted. */
  sleep(ms: number): Promise<void>;
  now(): number;
}
