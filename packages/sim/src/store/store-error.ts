// The store's one error type; the API server turns it into a metav1.Status (see apiserver/status-errors.ts).
import { qualifiedResource, type ResourceInfo } from "./resources";

export type StoreErrorReason = "NotFound" | "AlreadyExists" | "Conflict" | "Invalid" | "Expired" | "BadRequest";

export interface StatusCause {
  field: string;
  message: string;
  reason?: string;
}

/** What a Status body's `details` carries: `kind` is the resource plural for most errors, the Kind for Invalid. */
export interface StoreErrorDetails {
  name?: string;
  group?: string;
  kind?: string;
}

export class StoreError extends Error {
  readonly reason: StoreErrorReason;
  readonly causes?: StatusCause[];
  readonly details?: StoreErrorDetails;

  constructor(
    reason: StoreErrorReason,
    message: string,
    opts: { causes?: StatusCause[]; details?: StoreErrorDetails } = {},
  ) {
    super(message);
    this.name = "StoreError";
    this.reason = reason;
    if (opts.causes) this.causes = opts.causes;
    if (opts.details) this.details = opts.details;
  }
}

export const isStoreError = (e: unknown): e is StoreError => e instanceof StoreError;

/** `details` as the apiserver fills it for NotFound/AlreadyExists/Conflict: `kind` is the resource plural. */
export function errorDetails(info: ResourceInfo, name: string): StoreErrorDetails {
  return { name, ...(info.group ? { group: info.group } : {}), kind: info.resource };
}

export function notFoundError(info: ResourceInfo, name: string): StoreError {
  return new StoreError("NotFound", `${qualifiedResource(info)} "${name}" not found`, {
    details: errorDetails(info, name),
  });
}

export function alreadyExistsError(info: ResourceInfo, name: string): StoreError {
  return new StoreError("AlreadyExists", `${qualifiedResource(info)} "${name}" already exists`, {
    details: errorDetails(info, name),
  });
}

export function conflictError(info: ResourceInfo, name: string): StoreError {
  const msg = `Operation cannot be fulfilled on ${qualifiedResource(info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`;
  return new StoreError("Conflict", msg, { details: errorDetails(info, name) });
}
