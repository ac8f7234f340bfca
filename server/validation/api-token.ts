// Inputs and DTOs for API tokens (scripts and pipelines: `Authorization: Bearer tern_pat_…`).
import { z } from "zod";
import { API_SCOPES } from "../domain/values";
import { zId } from "./common";

export const DEFAULT_TOKEN_DAYS = 30;
export const MAX_TOKEN_DAYS = 365;

export const zApiScope = z.enum(API_SCOPES, { error: `scope must be one of ${API_SCOPES.join(", ")}` });

export const ZCreateApiTokenRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1, "name is required (e.g. 'release pipeline')")
    .max(80, "name must be at most 80 characters"),
  /** READ is always included: a token that cannot read what it changes is of no use to a script. */
  scopes: z.array(zApiScope).max(API_SCOPES.length).default([]),
  expiresInDays: z.coerce
    .number()
    .int("expiry must be a whole number of days")
    .min(1, "expiry must be at least 1 day")
    .max(MAX_TOKEN_DAYS, `expiry must be at most ${MAX_TOKEN_DAYS} days; create a new token when it runs out`)
    .default(DEFAULT_TOKEN_DAYS),
});
export type CreateApiTokenRequest = z.input<typeof ZCreateApiTokenRequest>;

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(zApiScope),
  user: z.object({ id: z.string(), email: z.string() }),
  createdAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  lastUsedIp: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type ApiTokenDto = z.infer<typeof ZApiToken>;

/** What `create` answers: the token appears here once and is never stored or shown again. */
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });

export const ZRevokeApiTokenRequest = z.object({ id: zId });
