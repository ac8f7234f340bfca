// ArtifactTransfer over the S3 API: HEAD the target (skip when it already holds the verified object), GET the
// source and stream it straight into a PUT on the target, hashing while copying. The PUT carries the expected
// SHA-256 (x-amz-checksum-sha256) so the target store refuses wrong bytes itself, and the last chunk is held back
// until Tern's own hash and byte count agree, so a store that ignores checksums never completes a bad upload.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { pipeline, type Readable } from "node:stream";
import {
  ArtifactTransferError,
  type ArtifactTransfer,
  type TransferRequest,
  type TransferResult,
} from "./artifact-transfer";
import { ArtifactUriError, artifactUriIn, keyInStore } from "./artifact-uri";
import { toTransferError } from "./s3-errors";
import { describeStore, s3ClientFor, type ObjectStoreSettings } from "./store-settings";
import { VerifyingStream } from "./verifying-stream";

const SHA256 = /^[0-9a-f]{64}$/;
const hexToBase64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
const base64ToHex = (b64: string) => Buffer.from(b64, "base64").toString("hex");

type Presence = { state: "verified" } | { state: "absent" } | { state: "different"; why: string };

export function createS3ArtifactTransfer(
  opts: { clientFor?: (s: ObjectStoreSettings) => S3Client } = {},
): ArtifactTransfer {
  const clients = new Map<string, S3Client>();
  // One attempt per request: a consumed upload stream cannot be replayed; the executor retries the whole step.
  const client = (s: ObjectStoreSettings) => {
    const id = JSON.stringify([s.endpoint, s.region, s.bucket, s.accessKeyId, s.secretAccessKey]);
    let c = clients.get(id);
    if (!c) clients.set(id, (c = opts.clientFor?.(s) ?? s3ClientFor(s, { maxAttempts: 1 })));
    return c;
  };

  /** Is the verified object already at the target? Uses the store's SHA-256 when it keeps one, else reads and hashes it. */
  async function presence(
    s: ObjectStoreSettings,
    key: string,
    sha256: string,
    sizeBytes: number,
    signal?: AbortSignal,
  ): Promise<Presence> {
    const where = { action: "read", store: describeStore(s), key };
    let head;
    try {
      head = await client(s).send(new HeadObjectCommand({ Bucket: s.bucket, Key: key, ChecksumMode: "ENABLED" }), {
        abortSignal: signal,
      });
    } catch (e) {
      const err = toTransferError(e, where);
      if (err.code === "NoSuchKey") return { state: "absent" };
      throw err;
    }
    if (head.ContentLength !== sizeBytes) return { state: "different", why: `it is ${head.ContentLength} bytes` };
    if (head.ChecksumSHA256) {
      const digest = base64ToHex(head.ChecksumSHA256);
      return digest === sha256 ? { state: "verified" } : { state: "different", why: `its sha256 is ${digest}` };
    }
    try {
      const got = await client(s).send(new GetObjectCommand({ Bucket: s.bucket, Key: key }), { abortSignal: signal });
      const check = new VerifyingStream({ sha256, sizeBytes, what: key });
      await new Promise<void>((resolve, reject) =>
        pipeline(got.Body as Readable, check, (e) => (e ? reject(e) : resolve())).on("data", () => {}),
      );
      return { state: "verified" };
    } catch (e) {
      if (e instanceof ArtifactTransferError) return { state: "different", why: e.message };
      throw toTransferError(e, where);
    }
  }

  async function copy(req: TransferRequest): Promise<TransferResult> {
    const started = performance.now();
    const sha256 = req.sha256.trim().toLowerCase();
    if (!SHA256.test(sha256))
      throw new ArtifactTransferError(
        "InvalidURI",
        `the version's sha256 must be 64 hexadecimal characters (got "${req.sha256}")`,
      );
    if (!Number.isSafeInteger(req.sizeBytes) || req.sizeBytes < 0)
      throw new ArtifactTransferError(
        "SizeMismatch",
        `the version's size must be a whole number of bytes (got ${req.sizeBytes})`,
      );
    let srcKey: string;
    try {
      srcKey = keyInStore(req.source.uri, req.source.store);
    } catch (e) {
      throw new ArtifactTransferError("InvalidURI", e instanceof ArtifactUriError ? e.message : String(e));
    }
    const src = req.source.store;
    const dst = req.target.store;
    const dstKey = req.target.key ?? srcKey;
    const targetUri = artifactUriIn(dst, dstKey);
    const done = (skipped: boolean): TransferResult => ({
      targetUri,
      sha256,
      sizeBytes: req.sizeBytes,
      skipped,
      durationMs: performance.now() - started,
    });

    if ((await presence(dst, dstKey, sha256, req.sizeBytes, req.signal)).state === "verified") return done(true);

    const srcWhere = { action: "read", store: describeStore(src), key: srcKey };
    const dstWhere = { action: "write", store: describeStore(dst), key: dstKey };
    let got;
    try {
      got = await client(src).send(new GetObjectCommand({ Bucket: src.bucket, Key: srcKey }), {
        abortSignal: req.signal,
      });
    } catch (e) {
      throw toTransferError(e, srcWhere);
    }
    const body = got.Body as Readable;
    if (got.ContentLength !== req.sizeBytes) {
      body.destroy();
      throw new ArtifactTransferError(
        "SizeMismatch",
        `${srcKey} in ${describeStore(src)} is ${got.ContentLength} bytes, but the version says ${req.sizeBytes}; the copy was refused`,
      );
    }
    const verifier = new VerifyingStream(
      { sha256, sizeBytes: req.sizeBytes, what: `${srcKey} from ${describeStore(src)}` },
      req.onProgress,
    );
    // The HTTP handler pipes the body without watching its errors: abort the upload ourselves when verification fails.
    const upload = new AbortController();
    const onAbort = () => upload.abort(req.signal?.reason);
    req.signal?.addEventListener("abort", onAbort, { once: true });
    let streamError: unknown;
    let sourceSettled: () => void = () => {};
    const sourceDone = new Promise<void>((r) => (sourceSettled = r));
    pipeline(body, verifier, (e) => {
      sourceSettled();
      if (!e) return;
      streamError =
        verifier.failure ??
        new ArtifactTransferError(
          "Truncated",
          `reading ${srcKey} from ${describeStore(src)} broke off after ${verifier.copiedBytes} of ${req.sizeBytes} bytes (${e.message}); nothing was stored`,
          true,
        );
      upload.abort(streamError);
    });
    try {
      await client(dst).send(
        new PutObjectCommand({
          Bucket: dst.bucket,
          Key: dstKey,
          Body: verifier,
          ContentLength: req.sizeBytes,
          ContentType: "application/octet-stream",
          ChecksumSHA256: hexToBase64(sha256),
        }),
        { abortSignal: upload.signal },
      );
    } catch (e) {
      // The upload may fail a moment before the source's own error reaches the pipeline: let it say why.
      if (!streamError) await Promise.race([sourceDone, new Promise((r) => setTimeout(r, 1000))]);
      if (streamError) throw toTransferError(streamError, dstWhere);
      if (req.signal?.aborted)
        throw new ArtifactTransferError("Aborted", `the copy of ${srcKey} was cancelled; nothing was stored`);
      throw toTransferError(e, dstWhere);
    } finally {
      req.signal?.removeEventListener("abort", onAbort);
      body.destroy();
    }
    if (streamError) throw toTransferError(streamError, dstWhere);
    // Trust, but verify: a store that acknowledged the upload must now hold exactly the verified object.
    const after = await presence(dst, dstKey, sha256, req.sizeBytes, req.signal);
    if (after.state !== "verified") {
      await client(dst)
        .send(new DeleteObjectCommand({ Bucket: dst.bucket, Key: dstKey }))
        .catch(() => {});
      throw new ArtifactTransferError(
        "BadDigest",
        `${describeStore(dst)} acknowledged ${dstKey} but then ${after.state === "absent" ? "did not have it" : `reported that ${after.why}`}; the object was removed`,
      );
    }
    return done(false);
  }

  return { copy };
}
