// A cloud's object store as Tern reaches it over the S3 API (S3, Alibaba OSS, Huawei OBS, Tencent COS, GCS
// interoperability, MinIO, the simulator): plain settings, with the keys encrypted at rest like cluster credentials.
import { S3Client } from "@aws-sdk/client-s3";
import { z } from "zod";
import { decryptJson, encryptJson, getEncryptionKey } from "../../crypto/credentials";
import { createGuardedS3Handler } from "./guarded-s3-handler";

export const ZObjectStoreSettings = z.object({
  /** The S3 API endpoint, e.g. https://s3.us-east-1.amazonaws.com, https://oss-cn-hangzhou.aliyuncs.com. */
  endpoint: z.url({
    protocol: /^https?$/,
    error: "endpoint must be an http(s) URL such as https://s3.us-east-1.amazonaws.com",
  }),
  bucket: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "bucket must be 3-63 lowercase letters, digits, '.' or '-' (an S3 bucket name)",
    ),
  region: z.string().min(1, "region is required (the store's signing region, e.g. us-east-1 or cn-hangzhou)"),
  accessKeyId: z.string().min(1, "accessKeyId is required"),
  secretAccessKey: z.string().min(1, "secretAccessKey is required"),
});
export type ObjectStoreSettings = z.infer<typeof ZObjectStoreSettings>;

/** What may be shown about a store: everything but the secret. */
export const describeStore = (s: ObjectStoreSettings) => `bucket ${s.bucket} at ${s.endpoint}`;

export function encryptStoreSettings(settings: ObjectStoreSettings, key: Uint8Array = getEncryptionKey()): string {
  return encryptJson(ZObjectStoreSettings.parse(settings), key);
}

/** Throws a message naming what is wrong, never the plaintext. */
export function decryptStoreSettings(cipherText: string, key: Uint8Array = getEncryptionKey()): ObjectStoreSettings {
  const parsed = ZObjectStoreSettings.safeParse(decryptJson(cipherText, key));
  if (!parsed.success)
    throw new Error(
      "the stored object-store settings have an unexpected shape; enter the cloud's store settings again",
    );
  return parsed.data;
}

/**
 * An S3 client for one store. Path-style addressing works on every S3-compatible service (and needs no DNS
 * per bucket); checksums only when an operation requires them, since Tern sends its own SHA-256 (see copy).
 * Connections go through the SSRF guard: an endpoint that resolves to a metadata address is refused at connect time.
 */
export function s3ClientFor(settings: ObjectStoreSettings, opts: { maxAttempts?: number } = {}): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: opts.maxAttempts ?? 3,
    requestHandler: createGuardedS3Handler(),
  });
}
