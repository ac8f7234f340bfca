// How migration and step states read in the UI: badge colours, and which states still change.
import type { BadgeVariant } from "@/components/ui/Badge";
import { ACTIVE_MIGRATION_STATES, type MIGRATION_STATES, type STEP_STATUSES } from "@/server/validation/migration";

export type MigrationState = (typeof MIGRATION_STATES)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STATE_VARIANT: Record<MigrationState, BadgeVariant> = {
  PENDING_APPROVAL: "warning",
  APPROVED: "info",
  RUNNING: "info",
  ROLLING_BACK: "warning",
  SUCCEEDED: "success",
  ROLLED_BACK: "danger",
  REJECTED: "danger",
  EXPIRED: "neutral",
  CANCELLED: "neutral",
  FAILED: "danger",
};

export const STEP_VARIANT: Record<StepStatus, BadgeVariant> = {
  PENDING: "neutral",
  RUNNING: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
  SKIPPED: "neutral",
};

/** States in which the worker or the approvers still change the migration: pages poll while in them. */
export function isActiveState(state: MigrationState): boolean {
  return (ACTIVE_MIGRATION_STATES as readonly string[]).includes(state);
}

/** Polling interval while a migration is active (the live stream usually refetches sooner). */
export const ACTIVE_POLL_MS = 2_000;
