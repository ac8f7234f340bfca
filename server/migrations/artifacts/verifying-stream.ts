// A pass-through that hashes and counts the bytes of an artifact on their way to the target store, and holds
// back the last chunk until the whole object is verified: a wrong or short object never completes its upload.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { ArtifactTransferError } from "./artifact-transfer";

export class VerifyingStream extends Transform {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private held: Buffer | undefined;
  /** Why the stream failed, once it has. */
  failure: ArtifactTransferError | undefined;

  constructor(
    private readonly expect: { sha256: string; sizeBytes: number; what: string },
    private readonly onProgress?: (copied: number, total: number) => void,
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  get copiedBytes(): number {
    return this.bytes;
  }

  private fail(e: ArtifactTransferError, cb: TransformCallback): void {
    this.failure = e;
    cb(e);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.expect.sizeBytes)
      return this.fail(
        new ArtifactTransferError(
          "SizeMismatch",
          `${this.expect.what} is larger than the version's ${this.expect.sizeBytes} bytes; the copy was refused`,
        ),
        cb,
      );
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    this.onProgress?.(this.bytes, this.expect.sizeBytes);
    cb(null, previous);
  }

  override _flush(cb: TransformCallback): void {
    if (this.bytes !== this.expect.sizeBytes)
      return this.fail(
        new ArtifactTransferError(
          "Truncated",
          `${this.expect.what} ended after ${this.bytes} of ${this.expect.sizeBytes} bytes; the copy was refused`,
        ),
        cb,
      );
    const digest = this.hash.digest("hex");
    if (digest !== this.expect.sha256)
      return this.fail(
        new ArtifactTransferError(
          "BadDigest",
          `${this.expect.what} has sha256 ${digest}, but the version expects ${this.expect.sha256}; the copy was refused`,
        ),
        cb,
      );
    cb(null, this.held);
  }
}
