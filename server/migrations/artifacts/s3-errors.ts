// Maps what @aws-sdk/client-s3 and the network throw onto ArtifactTransferError codes with messages that name
// the store and what to do; response bodies and keys are never copied into them.
import { REDIRECT_CODE } from "../../net/guarded-dispatcher";
import { REFUSED_CODE } from "../../net/refused-address";
import { ArtifactTransferError, type TransferErrorCode } from "./artifact-transfer";

interface SdkLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const CODE_OF: Record<string, TransferErrorCode> = {
  NoSuchKey: "NoSuchKey",
  NotFound: "NoSuchKey",
  NoSuchBucket: "NoSuchBucket",
  AccessDenied: "AccessDenied",
  Forbidden: "AccessDenied",
  InvalidAccessKeyId: "AccessDenied",
  SignatureDoesNotMatch: "AccessDenied",
  AuthorizationHeaderMalformed: "AccessDenied",
  BadDigest: "BadDigest",
  XAmzContentSHA256Mismatch: "BadDigest",
  IncompleteBody: "Truncated",
  AbortError: "Aborted",
};

export function toTransferError(
  err: unknown,
  what: { action: string; store: string; key: string },
): ArtifactTransferError {
  if (err instanceof ArtifactTransferError) return err;
  const e = (typeof err === "object" && err !== null ? err : {}) as SdkLike;
  const status = e.$metadata?.httpStatusCode;
  // HEAD errors have no body: the SDK then calls them Unknown (or after the status); the status says more.
  const rawName = typeof e.name === "string" ? e.name : "";
  const name = rawName === "Unknown" ? "" : rawName;
  const netCode = [e, e.cause as SdkLike | undefined]
    .map((x) => x?.code)
    .find((c): c is string => typeof c === "string");
  // The SSRF guard's refusals (a metadata address after DNS, or a redirect) carry their own reason, safe to show.
  const guard = [e, e.cause as SdkLike | undefined].find((x) => x?.code === REFUSED_CODE || x?.code === REDIRECT_CODE);
  if (guard)
    return new ArtifactTransferError(
      "RefusedAddress",
      `${what.store}: ${String(guard.message)}; fix the cloud's object-store endpoint`,
    );
  let code = CODE_OF[name] ?? (status === 403 ? "AccessDenied" : status === 404 ? "NoSuchKey" : undefined);
  if (
    !code &&
    (status === undefined ? netCode !== undefined || name === "TimeoutError" : status >= 500 || status === 429)
  )
    code = "StoreUnavailable";
  code ??= "Unknown";
  const where = `${what.store}`;
  const messages: Record<TransferErrorCode, string> = {
    NoSuchKey: `${what.key} does not exist in ${where}; check the version's artifact URI or upload the artifact there`,
    NoSuchBucket: `${where} does not exist; check the cloud's object-store settings`,
    AccessDenied: `${where} refused Tern's keys (${name || status}) to ${what.action} ${what.key}; check the cloud's access key, secret and region`,
    BadDigest: `${where} refused ${what.key}: its bytes do not match the version's sha256; nothing was stored`,
    SizeMismatch: `${what.key} in ${where} is not the version's size`,
    Truncated: `the upload of ${what.key} to ${where} was incomplete; nothing was stored`,
    StoreUnavailable: `${where} is unavailable (${status ? `HTTP ${status}${name ? ` ${name}` : ""}` : (netCode ?? name)}) while trying to ${what.action} ${what.key}; the step will be retried`,
    InvalidURI: `invalid artifact location ${what.key}`,
    RefusedAddress: `${where} is an address Tern does not connect to`,
    Aborted: `the copy of ${what.key} was cancelled`,
    Unknown: `${what.action} ${what.key} in ${where} failed (${name || status || "unexpected error"})`,
  };
  return new ArtifactTransferError(code, messages[code]);
}
