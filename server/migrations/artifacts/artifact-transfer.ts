// The migration step "copy the artifact to the target cloud's store and verify it": one interface, with the
// S3 implementation (s3-artifact-transfer.ts) serving real buckets and the simulator alike.
import type { ObjectStoreSettings } from "./store-settings";

export interface TransferRequest {
  source: { store: ObjectStoreSettings; uri: string };
  /** The key in the target store; defaults to the source's key (e.g. models/<name>/<version>/model.onnx). */
  target: { store: ObjectStoreSettings; key?: string };
  /** The ModelVersion's sha256 (hex) and size: the copy is refused unless the bytes match both. */
  sha256: string;
  sizeBytes: number;
  signal?: AbortSignal;
  onProgress?: (copiedBytes: number, totalBytes: number) => void;
}

export interface TransferResult {
  /** What the target deployment must load (s3://<target bucket>/<key>). */
  targetUri: string;
  sha256: string;
  sizeBytes: number;
  /** True when the target already held the verified object (a retried step copies nothing). */
  skipped: boolean;
  durationMs: number;
}

export type TransferErrorCode =
  | "BadDigest" // the bytes do not hash to the ModelVersion's sha256
  | "SizeMismatch" // the source object is not the ModelVersion's size
  | "Truncated" // the source stream ended or broke before all bytes arrived
  | "NoSuchKey" // the source object does not exist
  | "NoSuchBucket"
  | "AccessDenied" // wrong keys, or keys of another store
  | "StoreUnavailable" // 5xx, refused connection, timeout: retry later
  | "InvalidURI"
  | "RefusedAddress" // the store endpoint is (or resolves to) a cloud metadata address, or answered with a redirect
  | "Aborted"
  | "Unknown";

/** One error type with a code the executor can branch on; messages name the store and never a secret. */
export class ArtifactTransferError extends Error {
  constructor(
    readonly code: TransferErrorCode,
    message: string,
    /** True when retrying the same step may succeed (outages); false when the artifact itself is wrong. */
    readonly retryable = code === "StoreUnavailable",
  ) {
    super(message);
    this.name = "ArtifactTransferError";
  }
}

export interface ArtifactTransfer {
  /**
   * Copies source → target streaming, hashing while copying. Idempotent: a target that already holds the
   * object with the expected sha256 and size is left alone (`skipped: true`). On any mismatch or truncation
   * nothing is created at the target (and a previously present target object is left as it was).
   */
  copy(req: TransferRequest): Promise<TransferResult>;
}
