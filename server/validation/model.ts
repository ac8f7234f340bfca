// Inputs for models and model versions, including the golden set used to compare deployments.
import { z } from "zod";
import { MODEL_FORMATS, zDnsName, zId, zListInput } from "./common";
import { errorMessage } from "../domain/error-message";

export const ZCreateModelRequest = z.object({
  name: zDnsName("model name"),
  task: z.string().trim().min(1, "task is required (e.g. classification, ranking, text-generation)").max(64),
  framework: z.string().trim().min(1, "framework is required (e.g. PyTorch, scikit-learn, XGBoost)").max(64),
  description: z.string().trim().max(500, "description must be at most 500 characters").optional(),
});
export type CreateModelRequest = z.infer<typeof ZCreateModelRequest>;

const zJsonValue: z.ZodType<unknown> = z.unknown().refine((v) => v !== undefined, "value is required");

export const ZGoldenCase = z.object(
  {
    input: zJsonValue,
    expected: zJsonValue,
    tolerance: z.number().nonnegative("tolerance must be 0 or more").max(1).optional(),
  },
  { error: "each golden case must be an object with 'input' and 'expected'" },
);
export const ZGoldenSet = z
  .array(ZGoldenCase, { error: 'the golden set must be a JSON array of {"input": …, "expected": …}' })
  .min(1, "the golden set needs at least one case")
  .max(200, "the golden set may hold at most 200 cases");
export type GoldenSet = z.infer<typeof ZGoldenSet>;

/** Parses golden-set JSON text with a message that names the problem (for uploads and the API). */
export function parseGoldenSetText(text: string): { ok: true; value: GoldenSet } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `the golden set is not valid JSON (${errorMessage(e, "parse error")})` };
  }
  const r = ZGoldenSet.safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0];
  return {
    ok: false,
    error: i ? `${i.path.length ? `case ${i.path.join(".")}: ` : ""}${i.message}` : "invalid golden set",
  };
}

export const zSha256 = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .refine((v) => /^[0-9a-f]{64}$/.test(v), {
    error: (iss) => {
      const v = String(iss.input).trim();
      return `sha256 must be exactly 64 hexadecimal characters (got ${v.length} characters${/[^0-9a-fA-F]/.test(v) ? " with non-hex characters" : ""}); compute it with \`sha256sum <file>\``;
    },
  });

export const zArtifactUri = z
  .string()
  .trim()
  .min(1, "artifact URI is required")
  .max(1024)
  .regex(
    /^(s3|gs|oss|obs|cos|az|sim|file|https?):\/\/\S+$/,
    "artifact URI must look like s3://bucket/path, gs://…, oss://…, sim://cloud/path or https://…",
  );

export const ZCreateModelVersionRequest = z.object({
  modelId: zId,
  version: z
    .string()
    .trim()
    .min(1, "version is required")
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "version may use letters, digits, '.', '_' and '-' (e.g. 1.2.0)"),
  format: z.enum(MODEL_FORMATS, { error: `format must be one of ${MODEL_FORMATS.join(", ")}` }),
  artifactUri: zArtifactUri,
  sha256: zSha256,
  sizeBytes: z.coerce
    .number({ error: "size must be a number of bytes" })
    .int("size must be a whole number of bytes")
    .positive("size must be greater than 0")
    .max(2 ** 50, "size is larger than 1 PiB; check the unit"),
  runtimeImage: z
    .string()
    .trim()
    .min(1, "serving runtime image is required")
    .max(256)
    .regex(
      /^[a-z0-9]+([._\-/:@][a-zA-Z0-9_.-]+)*$/,
      "runtime image must be an image reference such as nvcr.io/nvidia/tritonserver:24.08-py3",
    ),
  goldenSet: ZGoldenSet,
});
export type CreateModelVersionRequest = z.infer<typeof ZCreateModelVersionRequest>;

export const ZListModelsRequest = zListInput(["name", "task", "createdAt"] as const, "name").extend({
  task: z.string().max(64).optional(),
});
export type ListModelsRequest = z.input<typeof ZListModelsRequest>;

export const ZModel = z.object({
  id: z.string(),
  name: z.string(),
  task: z.string(),
  framework: z.string(),
  description: z.string().nullable(),
  createdAt: z.date(),
  versionCount: z.number().int(),
  latestVersion: z.string().nullable(),
});

export const ZModelVersion = z.object({
  id: z.string(),
  version: z.string(),
  format: z.enum(MODEL_FORMATS),
  artifactUri: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  runtimeImage: z.string(),
  goldenCases: z.number().int(),
  createdAt: z.date(),
});

export const ZModelDetail = ZModel.omit({ versionCount: true, latestVersion: true }).extend({
  versions: z.array(ZModelVersion),
});
