// Unit tests for embed tokens: their entropy and encoding, the stored hash, and the well-formedness check.
// Checking a presented token against a stored link is resolveEmbedLink's (resolve-embed-link.test.ts).
import { describe, expect, it } from "vitest";
import { createEmbedToken, hashToken, isWellFormedToken } from "./embed-token";

describe("embed tokens", () => {
  it("have 256 random bits in base64url, and only a SHA-256 hex hash to store", () => {
    const { token, hash } = createEmbedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
  });

  it("never repeat", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => createEmbedToken().token));
    expect(seen.size).toBe(1000);
  });

  it("reject malformed tokens", () => {
    expect(isWellFormedToken("short")).toBe(false);
    expect(isWellFormedToken(`${"a".repeat(42)}=`)).toBe(false);
    expect(isWellFormedToken(createEmbedToken().token)).toBe(true);
    expect(isWellFormedToken(createEmbedToken().hash)).toBe(false);
  });
});
