// Timing promises of embed links, in one place so tests can hold them to the 60 s revocation promise.
import { LINK_CACHE_TTL_MS } from "./resolve-embed-link";

/** Browsers and shared caches may reuse a chart image this long. */
export const SVG_MAX_AGE_SECONDS = 10;
/** A live embed page fetches a new image this often. */
export const LIVE_REFRESH_MS = 10_000;
/** Longest time a revoked link may still show somewhere: a cached lookup, then a cached image. */
export const REVOCATION_DELAY_MS = LINK_CACHE_TTL_MS + SVG_MAX_AGE_SECONDS * 1000;
