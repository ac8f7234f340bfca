// metav1.Status bodies exactly as kube-apiserver writes them, and the mapping from store errors to HTTP codes.
import { isStoreError, type StatusCause, type StoreErrorReason } from "../store/store-error";

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export type HttpReason =
  | StoreErrorReason
  | "Unauthorized"
  | "Forbidden"
  | "MethodNotAllowed"
  | "NotAcceptable"
  | "UnsupportedMediaType"
  | "ServiceUnavailable"
  | "InternalError"
  | "RequestEntityTooLarge";

const CODES: Record<HttpReason, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Expired: 410,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  InternalError: 500,
  ServiceUnavailable: 503,
};

/** An error that becomes a Status response; handlers throw it for HTTP-level problems the store never sees. */
export class HttpError extends Error {
  constructor(
    readonly reason: HttpReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = "HttpError";
  }
  get code(): number {
    return CODES[this.reason];
  }
}

export function failure(reason: HttpReason, message: string, details?: StatusDetails): Status {
  // Key order follows the apiserver's encoder so bodies read the same in tests and logs.
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details ? { details } : {}),
    code: CODES[reason],
  };
}

export function success(details?: StatusDetails): Status {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    ...(details ? { details } : {}),
    code: 200,
  };
}

/** "the server could not find the requested resource": what a real server says for paths it does not serve. */
export const unknownPath = (): HttpError =>
  new HttpError("NotFound", "the server could not find the requested resource", {});

export function statusFromError(err: unknown): Status {
  if (err instanceof HttpError) return failure(err.reason, err.message, err.details);
  if (isStoreError(err)) {
    const details: StatusDetails | undefined =
      err.details || err.causes ? { ...err.details, ...(err.causes ? { causes: err.causes } : {}) } : undefined;
    return failure(err.reason, err.message, details);
  }
  console.error("[sim apiserver] internal error", err);
  return failure("InternalError", `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`);
}
