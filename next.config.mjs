// Next.js configuration: native/wasm packages stay external; security headers on every response (the CSP comes
// from proxy.ts; the two embed routes add their own, see server/services/embeds/embed-headers.ts).
import createNextIntlPlugin from "next-intl/plugin";
import { tsImport } from "tsx/esm/api";

// The one validated environment (server/env.ts): a bad setting stops `next build` / `next start` with its message.
const { env } = await tsImport("./server/env.ts", import.meta.url);
const settings = env();
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");
const isProd = settings.NODE_ENV === "production" && settings.TERN_INSECURE_COOKIES !== "1";

// The Content-Security-Policy (with a per-response script nonce, no 'unsafe-inline' scripts) is set by proxy.ts,
// because a nonce cannot be static; see server/http/content-security-policy.ts.

const transportHeaders = [
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProd ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  ...transportHeaders,
];

// The embed chart page and image set their own CSP (the page's frame-ancestors are the team's wiki origins)
// and must not carry X-Frame-Options: DENY, so the global rule skips exactly those two routes; anything
// else under /embed (a 404, a redirect) keeps frame-ancestors 'none'.
const EMBED_ROUTES = ["/embed/:token", "/api/embed/:token/svg"];
const NOT_EMBED = "/((?!embed/[^/]+/?$|api/embed/[^/]+/svg/?$).*)";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Workspace packages ship TypeScript sources; Next compiles them like the app's own code.
  transpilePackages: ["@tern/oip"],
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
    "@kubernetes/client-node",
    "pino",
  ],
  async headers() {
    return [
      { source: NOT_EMBED, headers: securityHeaders },
      ...EMBED_ROUTES.map((source) => ({ source, headers: transportHeaders })),
    ];
  },
};

export default withNextIntl(nextConfig);
