// Whether two Prometheus URLs name the same server, however spelled (case, default port, trailing slash,
// loopback aliases, decimal IPv4, or — with DNS — two names for one address). A cluster's "own" Prometheus
// that is really the shared one must keep the per-cluster filter.
import dns from "node:dns";
import ipaddr from "ipaddr.js";

const LOOPBACK_NAMES = new Set(["localhost", "localhost.localdomain", "ip6-localhost"]);

function parts(url: string): { host: string; port: string; path: string; protocol: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  let host = u.hostname
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) {
    const a = ipaddr.process(host);
    host = a.range() === "loopback" ? "loopback" : a.toNormalizedString();
  } else if (LOOPBACK_NAMES.has(host)) host = "loopback";
  return { host, port, path: u.pathname.replace(/\/+$/, ""), protocol: u.protocol };
}

/** The canonical spelling used to compare URLs: protocol, host (loopback folded), port and path without trailing slash. */
export function canonicalPrometheusUrl(url: string): string | null {
  const p = parts(url);
  return p ? `${p.protocol}//${p.host}:${p.port}${p.path}` : null;
}

/** A URL naming this machine (127.0.0.0/8, ::1, localhost) by spelling alone. */
export function isLoopbackUrl(url: string): boolean {
  return parts(url)?.host === "loopback";
}

/** Same server by spelling alone (no DNS): cheap enough for every chart request. */
export function isSamePrometheus(a: string, b: string): boolean {
  const x = canonicalPrometheusUrl(a);
  return x !== null && x === canonicalPrometheusUrl(b);
}

async function addressesOf(host: string): Promise<Set<string>> {
  if (host === "loopback") return new Set(["loopback"]);
  if (ipaddr.isValid(host)) return new Set([host]);
  try {
    const found = await dns.promises.lookup(host, { all: true });
    return new Set(
      found.map((f) =>
        ipaddr.process(f.address).range() === "loopback" ? "loopback" : ipaddr.process(f.address).toNormalizedString(),
      ),
    );
  } catch {
    return new Set();
  }
}

/** Same server after resolving both hosts (used when a cluster's Prometheus URL is saved). */
export async function resolvesToSamePrometheus(a: string, b: string): Promise<boolean> {
  if (isSamePrometheus(a, b)) return true;
  const x = parts(a);
  const y = parts(b);
  if (!x || !y || x.port !== y.port || x.path !== y.path) return false;
  const [ax, ay] = await Promise.all([addressesOf(x.host), addressesOf(y.host)]);
  return [...ax].some((addr) => ay.has(addr));
}
