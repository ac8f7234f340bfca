// Issue 9: the pages' Content-Security-Policy allows no inline script without this response's nonce. Before,
// next.config.mjs sent "script-src 'self' 'unsafe-inline'", so any injected <script> ran.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const scriptSrc = (csp: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src")) ?? "";

describe("Content-Security-Policy of Tern's pages", () => {
  it("allows scripts by nonce only, a fresh nonce per response, and tells Next.js the nonce", () => {
    const a = proxy(new NextRequest("http://tern.test/deployments"));
    const b = proxy(new NextRequest("http://tern.test/deployments"));
    const csp = a.headers.get("content-security-policy") ?? "";
    const src = scriptSrc(csp);
    expect(src, "an inline <script> without the nonce would run").not.toContain("'unsafe-inline'");
    expect(src).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(src)?.[1];
    expect(nonce && nonce.length >= 22).toBe(true);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) forwards the rewritten request headers to the page render.
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(d);
  });
});
