// Notices that a migration changed: wake the migration worker and live pages, in this process and (on a
// PostgreSQL server) every other replica, through the change bus.
import { onChange, publishChange } from "../changes/change-bus";

export interface MigrationChange {
  teamId: string;
  migrationId: string;
  reason: "state" | "step";
}

export function notifyMigrationsChanged(change: MigrationChange): void {
  publishChange({ kind: "migration", teamId: change.teamId, id: change.migrationId, reason: change.reason });
}

export function onMigrationsChanged(listener: (change: MigrationChange) => void): () => void {
  return onChange("migration", (c) => listener({ teamId: c.teamId, migrationId: c.id, reason: c.reason }));
}
