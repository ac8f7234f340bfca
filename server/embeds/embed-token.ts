// Embed link tokens: 256 random bits in base64url shown once; only their SHA-256 is stored, and lookups
// compare hashes in constant time so response timing says nothing about a stored token.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
/** base64url of 32 bytes is 43 characters without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface EmbedToken {
  /** Give this to the user once; it is never stored. */
  token: string;
  /** Store this (hex SHA-256 of the token). */
  hash: string;
}

export function createEmbedToken(): EmbedToken {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** SHA-256 suffices (no salt, no slow hash): the token has 256 bits of entropy, so guessing is hopeless. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Rejects obviously malformed tokens before any lookup (and keeps junk out of logs and queries). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
