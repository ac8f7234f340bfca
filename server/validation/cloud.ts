// Inputs for clouds (provider accounts).
import { z } from "zod";
import { zId, zListInput, zProvider, PROVIDERS } from "./common";

export const ZCreateCloudRequest = z.object({
  provider: zProvider,
  name: z
    .string()
    .trim()
    .min(1, "name is required")
    .max(64, "name must be at most 64 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "name may use letters, digits, spaces, '.', '_' and '-'"),
});
export type CreateCloudRequest = z.infer<typeof ZCreateCloudRequest>;

export const ZUpdateCloudRequest = ZCreateCloudRequest.pick({ name: true }).extend({ id: zId });
export const ZDeleteCloudRequest = z.object({ id: zId });

export const ZListCloudsRequest = zListInput(["name", "provider", "createdAt"] as const, "name").extend({
  provider: z.enum(PROVIDERS).optional(),
});
export type ListCloudsRequest = z.input<typeof ZListCloudsRequest>;

export const ZCloud = z.object({
  id: z.string(),
  provider: zProvider,
  name: z.string(),
  createdAt: z.date(),
  clusterCount: z.number().int(),
  /** The cloud's object store for model artifacts, without its keys; null until an admin sets it. */
  store: z.object({ endpoint: z.string(), bucket: z.string(), region: z.string() }).nullable(),
});
export type CloudDto = z.infer<typeof ZCloud>;

/** An S3-compatible store (S3, OSS, OBS, COS, GCS interoperability, MinIO); the keys are write-only. */
export const ZSetCloudStoreRequest = z.object({
  id: zId,
  endpoint: z
    .url({ protocol: /^https?$/, error: "endpoint must be an http(s) URL such as https://s3.us-east-1.amazonaws.com" })
    .max(2048),
  bucket: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "bucket must be 3-63 lowercase letters, digits, '.' or '-' (an S3 bucket name)",
    ),
  region: z
    .string()
    .trim()
    .min(1, "region is required (the store's signing region, e.g. us-east-1 or cn-hangzhou)")
    .max(64),
  accessKeyId: z.string().trim().min(1, "access key id is required").max(256),
  secretAccessKey: z.string().min(1, "secret access key is required").max(512),
});
export type SetCloudStoreRequest = z.infer<typeof ZSetCloudStoreRequest>;
