// API tokens: `tern_pat_` + 256 random bits in base64url, shown once; only the SHA-256 is stored. The prefix
// keeps them apart from embed tokens (bare base64url), in both directions, and lets secret scanners find them.
// Which scope a procedure needs follows from what it is: queries READ, mutations by the role they declare.
import { createHash, randomBytes } from "node:crypto";
import type { ApiScope, Role } from "../domain/values";

export const API_TOKEN_PREFIX = "tern_pat_";
const TOKEN_PATTERN = /^tern_pat_[A-Za-z0-9_-]{43}$/;
/** Characters of the token shown in lists ("tern_pat_AbCd"). */
const SHOWN = API_TOKEN_PREFIX.length + 4;

export function mintApiToken(): { token: string; hash: string; prefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, SHOWN) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedApiToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The token in `Authorization: Bearer <token>`, or null when the header is absent or another scheme. */
export function bearerToken(headers: Headers): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return m ? m[1]! : null;
}

/**
 * The scope a call needs: READ for queries (and VIEWER-level mutations such as marking a notification read),
 * MIGRATE for operator mutations of migrations, DEPLOY for the other operator mutations, APPROVE and ADMIN for
 * theirs. null: tokens may not call it at all (signed-in-only mutations such as profile, team switching and
 * tokens themselves belong to the browser).
 */
export function requiredScope(type: string, path: string, access: "public" | "signedIn" | Role): ApiScope | null {
  if (type === "query") return "READ";
  switch (access) {
    case "VIEWER":
      return "READ";
    case "OPERATOR":
      return path.startsWith("migration.") ? "MIGRATE" : "DEPLOY";
    case "APPROVER":
      return "APPROVE";
    case "ADMIN":
      return "ADMIN";
    default:
      return null;
  }
}
