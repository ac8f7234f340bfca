// Who may read Tern's /metrics (every team's deployment names and prices): only a scraper with the bearer token.
// TERN_METRICS_TOKEN when set; in embedded mode a generated token the local Prometheus is given; with DATABASE_URL
// and no token, closed — unless TERN_METRICS_OPEN=1 opens it on purpose (a private network that wants it so).
import { createHash, timingSafeEqual } from "node:crypto";
import { ensureMetricsTokenFile } from "../../metrics/metrics-token-file";

const digest = (s: string) => createHash("sha256").update(s).digest();

export type MetricsAccess = { mode: "token"; token: string } | { mode: "open" } | { mode: "closed" };

export function metricsAccess(opts: {
  token?: string;
  open?: boolean;
  embedded: boolean;
  dataDir: string;
}): MetricsAccess {
  if (opts.token) return { mode: "token", token: opts.token };
  if (opts.open) return { mode: "open" };
  if (opts.embedded) return { mode: "token", token: ensureMetricsTokenFile(opts.dataDir) };
  return { mode: "closed" };
}

/** True when /metrics is open on purpose, or the Authorization header carries exactly the bearer token. */
export function metricsTokenAccepted(authorization: string | null, access: MetricsAccess): boolean {
  if (access.mode === "open") return true;
  if (access.mode === "closed") return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  // Hashing first gives equal lengths, so the comparison leaks neither length nor content.
  return m !== null && timingSafeEqual(digest(m[1]!), digest(access.token));
}

export function metricsRefusal(access: MetricsAccess): string {
  return access.mode === "closed"
    ? "Tern's /metrics is closed: set TERN_METRICS_TOKEN (at least 16 characters) on Tern and the same bearer token in Prometheus' scrape config (authorization: { credentials: … })\n"
    : "this endpoint needs `Authorization: Bearer <TERN_METRICS_TOKEN>` (embedded mode: the token in <TERN_DATA_DIR>/metrics.token)\n";
}
