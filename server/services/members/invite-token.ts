// Invite link tokens: 256 random bits in the link, only their sha256 in the database.
import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_MS = 7 * 86_400_000;

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
