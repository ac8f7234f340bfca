// How a step ends other than by succeeding: a failed check rolls back; a transient error is retried.
import { migrationMessage } from "../../domain/migration-messages";
export class StepFailed extends Error {
  constructor(
    message: string,
    readonly evidence: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "StepFailed";
  }
}

/** Worth retrying (cluster API outage, network); after the step's retries it becomes a failure. */
export class TransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransientError";
  }
}

/** The worker no longer holds the migration (its lease was taken over): stop without writing. */
export class LeaseLost extends Error {
  constructor(message = "the migration's lease was taken over by another worker") {
    super(message);
    this.name = "LeaseLost";
  }
}

/** A user asked to abort while the step ran. */
export class AbortRequested extends Error {
  constructor(readonly by: string | null) {
    super(by ? migrationMessage("abortedBy", { by }) : "aborted");
    this.name = "AbortRequested";
  }
}
