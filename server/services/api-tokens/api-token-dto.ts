// One API token row as lists and answers show it (never the hash).
import type { ApiTokenDto } from "../../validation/api-token";
import type { ApiScope } from "../../domain/values";

export const API_TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  user: { select: { id: true, email: true } },
} as const;

export function toApiTokenDto(
  row: {
    id: string;
    name: string;
    prefix: string;
    scopes: ApiScope[];
    createdAt: Date;
    expiresAt: Date;
    revokedAt: Date | null;
    lastUsedAt: Date | null;
    lastUsedIp: string | null;
    user: { id: string; email: string };
  },
  now: Date,
): ApiTokenDto {
  const status = row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active";
  return { ...row, status };
}
