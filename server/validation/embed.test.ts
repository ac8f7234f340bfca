import { describe, expect, it } from "vitest";
import { embedStatus, ZCreateEmbedRequest, ZSetEmbedOriginsRequest, zEmbedOrigin } from "./embed";

const messageOf = (v: string) => {
  const r = zEmbedOrigin.safeParse(v);
  return r.success ? null : r.error.issues[0]?.message;
};

describe("wiki origins", () => {
  it("normalise to scheme://host[:port] as frame-ancestors compares them", () => {
    expect(zEmbedOrigin.parse(" https://Wiki.Example.com/ ")).toBe("https://wiki.example.com");
    expect(zEmbedOrigin.parse("https://wiki.example.com:443")).toBe("https://wiki.example.com");
    expect(zEmbedOrigin.parse("https://wiki.example.com:8443")).toBe("https://wiki.example.com:8443");
    expect(zEmbedOrigin.parse("http://localhost:8090")).toBe("http://localhost:8090");
    expect(zEmbedOrigin.parse("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
    expect(zEmbedOrigin.parse("https://bücher.example")).toBe("https://xn--bcher-kva.example");
  });

  it("refuse with a message that says how to fix it", () => {
    expect(messageOf("http://wiki.example.com")).toBe(
      "'http://wiki.example.com' must start with https:// (plain http is allowed for localhost only)",
    );
    expect(messageOf("https://wiki.example.com/spaces/ENG")).toBe(
      "'https://wiki.example.com/spaces/ENG' must be an origin only, without a path: https://wiki.example.com",
    );
    expect(messageOf("https://*.example.com")).toMatch(/wildcards are not allowed/);
    expect(messageOf("wiki.example.com")).toMatch(/write it as https:\/\/wiki.example.com/);
    expect(messageOf("https://a.example.com 'unsafe-inline'")).not.toBeNull();
    expect(messageOf("data:text/html,x")).not.toBeNull();
    expect(messageOf("https://wiki.example.com#x")).not.toBeNull();
  });

  it("drop duplicates and allow at most 20", () => {
    expect(ZSetEmbedOriginsRequest.parse({ origins: ["https://a.example", "https://A.example/"] }).origins).toEqual([
      "https://a.example",
    ]);
    const many = Array.from({ length: 21 }, (_, i) => `https://w${i}.example`);
    expect(ZSetEmbedOriginsRequest.safeParse({ origins: many }).success).toBe(false);
  });
});

describe("embed link requests", () => {
  it("default to a live 24 h chart valid for 30 days", () => {
    expect(ZCreateEmbedRequest.parse({ deploymentId: "d1", metric: "cost", rangeMinutes: "1440" })).toEqual({
      deploymentId: "d1",
      metric: "cost",
      rangeMinutes: 1440,
      live: true,
      expiresInDays: 30,
      title: undefined,
    });
  });

  it("know revoked from expired from active", () => {
    const now = new Date("2026-11-03T12:00:00Z");
    expect(embedStatus({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("active");
    expect(embedStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(embedStatus({ revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
  });
});
