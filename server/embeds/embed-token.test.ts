import { describe, expect, it } from "vitest";
import { createEmbedToken, hashesEqual, hashToken, isWellFormedToken, verifyEmbedToken } from "./embed-token";

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

  it("verify only against their own hash", () => {
    const a = createEmbedToken();
    const b = createEmbedToken();
    expect(verifyEmbedToken(a.token, a.hash)).toBe(true);
    expect(verifyEmbedToken(a.token, b.hash)).toBe(false);
    expect(verifyEmbedToken(a.hash, a.hash)).toBe(false);
    expect(verifyEmbedToken(`${a.token}x`, a.hash)).toBe(false);
  });

  it("reject malformed tokens and compare hashes of any length safely", () => {
    expect(isWellFormedToken("short")).toBe(false);
    expect(isWellFormedToken(`${"a".repeat(42)}=`)).toBe(false);
    expect(hashesEqual("abc", "abcd")).toBe(false);
    expect(hashesEqual("abc", "abc")).toBe(true);
  });
});
