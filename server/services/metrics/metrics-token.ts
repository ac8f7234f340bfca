// The optional bearer token of GET /metrics (TERN_METRICS_TOKEN), compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** True when no token is configured, or the Authorization header carries exactly that bearer token. */
export function metricsTokenAccepted(authorization: string | null, token: string | undefined): boolean {
  if (!token) return true;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  // Hashing first gives equal lengths, so the comparison leaks neither length nor content.
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}
