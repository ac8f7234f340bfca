// Errors shaped like an object store's (S3 codes), so callers handle simulated and real stores alike.

/** A URI that names no possible object (wrong scheme, bad cloud id, unsafe path). */
export class ArtifactUriError extends Error {
  readonly code = "InvalidURI";
  constructor(
    readonly uri: string,
    reason: string,
  ) {
    super(`invalid artifact URI "${uri}": ${reason}`);
    this.name = "ArtifactUriError";
  }
}

/** Like S3's NoSuchKey: the object does not exist in that cloud's store. */
export class ArtifactNotFoundError extends Error {
  readonly code = "NoSuchKey";
  constructor(readonly uri: string) {
    super(`artifact ${uri} does not exist in that cloud's store (copy it there first)`);
    this.name = "ArtifactNotFoundError";
  }
}

/** Like S3's BadDigest: the bytes do not hash to the sha256 the caller expected; nothing was written. */
export class ArtifactIntegrityError extends Error {
  readonly code = "BadDigest";
  constructor(
    readonly uri: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(`artifact ${uri} has sha256 ${actualSha256}, expected ${expectedSha256}; the copy was refused`);
    this.name = "ArtifactIntegrityError";
  }
}

/** Like S3's IncompleteBody: fewer (or more) bytes arrived than the request declared; nothing was written. */
export class IncompleteBodyError extends Error {
  readonly code = "IncompleteBody";
  constructor(
    readonly uri: string,
    readonly expectedSize: number,
    readonly receivedSize: number,
  ) {
    super(`upload of ${uri} declared ${expectedSize} bytes but ${receivedSize} arrived; nothing was stored`);
    this.name = "IncompleteBodyError";
  }
}

const NOT_FOUND_CODES = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

/** A file-system error that means "no such object" (a missing file, or a key that is a folder). */
export function isMissingFileError(e: unknown): boolean {
  return (
    typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" && NOT_FOUND_CODES.has(e.code)
  );
}
