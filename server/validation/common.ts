// Shared zod building blocks; imported by forms (validate as you type) and by the server.
import { z } from "zod";
import { MODEL_FORMATS, PROVIDERS, ROLES } from "../domain/values";

// Re-exported from the one list (server/domain/values.ts) for the files that import them from here.
export { MODEL_FORMATS, PROVIDERS };
export const ROLE_VALUES = ROLES;

export const zProvider = z.enum(PROVIDERS, { error: `provider must be one of ${PROVIDERS.join(", ")}` });
export const zRole = z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` });
export const zId = z.string().min(1, "id is required").max(64);

/** Kubernetes object names (RFC 1123 label): what a cluster will accept as a name. */
export const zDnsName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(63, `${what} must be at most 63 characters`)
    .refine((v) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v), {
      error: (iss) =>
        `${what} must be lowercase letters, digits and '-', starting and ending with a letter or digit (got '${String(iss.input)}')`,
    });

export const zRegion = z
  .string()
  .trim()
  .min(1, "region is required")
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "region must be lowercase letters, digits and '-' (e.g. us-east-1, cn-hangzhou)");

export const zGpuType = z
  .string()
  .trim()
  .min(1, "GPU type is required")
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "GPU type must be letters, digits and '-' (e.g. H100, A10G, L4)");

export const zSortDir = z.enum(["asc", "desc"]).default("asc");

/** Every list takes the same paging, sort and search shape; `sort` is restricted per list. */
export function zListInput<S extends readonly [string, ...string[]]>(sortFields: S, defaultSort: S[number]) {
  return z.object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(100).default(50),
    sort: z.enum(sortFields).default(defaultSort),
    dir: zSortDir,
    q: z.string().trim().max(100, "search text must be at most 100 characters").default(""),
  });
}

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
