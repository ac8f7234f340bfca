// next.config.mjs: every response keeps frame-ancestors 'none' and X-Frame-Options DENY except the two embed
// routes, which set their own CSP per team (and would be unframable with the global header).
import { describe, expect, it } from "vitest";
import { buildCustomRoute } from "next/dist/lib/build-custom-route.js";
import { config as proxyConfig } from "../../../proxy";

interface Rule {
  source: string;
  headers: { key: string; value: string }[];
}

// By URL: next.config.mjs is plain JavaScript without type declarations.
const CONFIG_URL = new URL("../../../next.config.mjs", import.meta.url).href;

async function headersFor(path: string): Promise<Map<string, string>> {
  const config = (await import(CONFIG_URL)) as { default: { headers: () => Promise<Rule[]> } };
  const rules = await config.default.headers();
  const out = new Map<string, string>();
  for (const rule of rules) {
    const { regex } = buildCustomRoute("header", { source: rule.source, headers: rule.headers });
    // As Next.js applies them: every matching rule, later ones overriding earlier ones.
    if (new RegExp(regex).test(path)) for (const h of rule.headers) out.set(h.key.toLowerCase(), h.value);
  }
  return out;
}

/** Whether proxy.ts (which sets the nonce CSP) runs for a path, by its matcher as Next.js compiles it. */
function proxyCovers(path: string): boolean {
  return proxyConfig.matcher.some((m) =>
    new RegExp(buildCustomRoute("header", { source: m.source, headers: [] }).regex).test(path),
  );
}

describe("security headers by path", () => {
  it.each([
    "/",
    "/deployments/abc",
    "/settings/embeds",
    "/api/trpc/embed.list",
    "/embed",
    "/embed/a/b",
    "/api/embed/x",
    "/api/embed/x/svg/y",
    "/embedded",
  ])("%s keeps frame-ancestors 'none'", async (path) => {
    const h = await headersFor(path);
    // The CSP itself comes from proxy.ts (a nonce per response): see server/security/csp.test.ts.
    expect(proxyCovers(path)).toBe(true);
    expect(h.get("x-frame-options")).toBe("DENY");
  });

  it.each([
    "/embed/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde",
    "/api/embed/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde/svg",
  ])("%s leaves CSP and framing to the route", async (path) => {
    const h = await headersFor(path);
    expect(h.has("content-security-policy")).toBe(false);
    expect(proxyCovers(path)).toBe(false);
    expect(h.has("x-frame-options")).toBe(false);
    expect(h.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");
  });
});
