// Response headers for the public embed routes (next.config.mjs leaves these two routes to set their own CSP).
import { SVG_MAX_AGE_SECONDS } from "./embed-limits";

/** Tern's own pages may frame an embed too (the preview on the embed links page). */
export function frameAncestors(origins: readonly string[]): string {
  return ["'self'", ...origins].join(" ");
}

/** The framable chart page: only its own nonce'd script and style run; only the team's wikis may frame it. */
export function embedPageHeaders(opts: { nonce: string; origins: readonly string[] }): Headers {
  return new Headers({
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": [
      "default-src 'none'",
      `script-src 'nonce-${opts.nonce}'`,
      `style-src 'nonce-${opts.nonce}'`,
      "connect-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${frameAncestors(opts.origins)}`,
    ].join("; "),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
}

/** The chart image: a document that may run nothing and load nothing, cacheable for a few seconds. */
export function embedSvgHeaders(): Headers {
  return new Headers({
    "content-type": "image/svg+xml",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    "cache-control": `public, max-age=${SVG_MAX_AGE_SECONDS}`,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    // Wikis that isolate themselves (COEP) may still show the image.
    "cross-origin-resource-policy": "cross-origin",
  });
}

/**
 * The one answer for unknown, expired and revoked tokens. It carries no team data, so it may be framed by
 * anyone: a wiki then shows "not available" instead of a browser error, and nothing on it can be clicked.
 */
export function notFoundPageHeaders(): Headers {
  return new Headers({
    "content-type": "text/html; charset=utf-8",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
}

export function notFoundSvgHeaders(): Headers {
  const h = embedSvgHeaders();
  h.set("cache-control", "no-store");
  return h;
}
