// The client's address for rate limits, sessions and the audit log. Next.js route handlers never see the
// socket, and `next start` keeps a client-sent X-Forwarded-For as is, so the HTTP server hook
// (install-peer-stamp.ts) stamps each request with its socket address and a per-process nonce the client
// cannot know. Forwarded headers count only when that peer is a configured proxy (TERN_TRUSTED_PROXIES).
import { randomBytes } from "node:crypto";
import ipaddr from "ipaddr.js";
import { env } from "../env";

export const PEER_HEADER = "x-tern-peer";

const NONCE_KEY = Symbol.for("tern.peerNonce");
type NonceStore = typeof globalThis & { [NONCE_KEY]?: string };

function nonce(): string {
  const store = globalThis as NonceStore;
  store[NONCE_KEY] ??= randomBytes(16).toString("hex");
  return store[NONCE_KEY];
}

/** The value the HTTP server writes into PEER_HEADER (overwriting whatever the client sent). */
export function peerStamp(remoteAddress: string | undefined): string {
  return `${nonce()} ${remoteAddress ?? ""}`;
}

function normalize(addr: string | undefined): string | null {
  if (!addr) return null;
  const bare = addr.trim().replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.process(bare).toString();
}

/** The socket address of the request, if the server hook stamped it. */
export function peerAddress(headers: Headers): string | null {
  const value = headers.get(PEER_HEADER);
  if (!value) return null;
  const [n, addr] = value.split(" ");
  return n === nonce() ? normalize(addr) : null;
}

export type TrustedProxies = [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses TERN_TRUSTED_PROXIES: comma-separated IPs or CIDRs ("10.0.0.0/8, 127.0.0.1"). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const out: TrustedProxies = [];
  for (const raw of (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (ipaddr.isValidCIDR(raw)) {
      const [addr, bits] = ipaddr.parseCIDR(raw);
      out.push(
        addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()
          ? [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96]
          : [addr, bits],
      );
    } else if (ipaddr.isValid(raw)) {
      const addr = ipaddr.process(raw);
      out.push([addr, addr.kind() === "ipv4" ? 32 : 128]);
    } else {
      throw new Error(`TERN_TRUSTED_PROXIES: '${raw}' is not an IP address or CIDR (e.g. 10.0.0.0/8 or 127.0.0.1)`);
    }
  }
  return out;
}

function isTrusted(addr: string, trusted: TrustedProxies): boolean {
  const parsed = ipaddr.process(addr);
  return trusted.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/**
 * The peer if it is not a trusted proxy; otherwise the rightmost X-Forwarded-For hop that is not a
 * trusted proxy (hops left of it were written by the client and prove nothing). Null when unknown.
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies = trustedProxies()): string | null {
  const peer = peerAddress(headers);
  if (!peer || !isTrusted(peer, trusted)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]);
    if (!hop) return nearest;
    if (!isTrusted(hop, trusted)) return hop;
    nearest = hop;
  }
  return nearest;
}

let cached: { raw: string | undefined; parsed: TrustedProxies } | undefined;

export function trustedProxies(): TrustedProxies {
  const raw = env().TERN_TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, parsed: parseTrustedProxies(raw) };
  return cached.parsed;
}
