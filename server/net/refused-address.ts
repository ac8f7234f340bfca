// Which hosts Tern never connects to: cloud instance-metadata endpoints (SSRF targets), however spelled.
// Private ranges and loopback stay allowed: on-prem clusters and the simulated fleet live there.
import ipaddr from "ipaddr.js";

/** Exact IPv4 metadata addresses outside link-local (169.254.0.0/16, refused whole: AWS, GCP, Azure, OCI, ECS, Tencent). */
const METADATA_V4 = new Map([
  ["100.100.100.200", "Alibaba Cloud's instance metadata service"],
  ["168.63.129.16", "Azure's WireServer"],
]);
const METADATA_V6 = new Map([["fd00:ec2::254", "AWS's IPv6 instance metadata service"]]);
/** DNS names of metadata services (they resolve to the addresses above inside a cloud, or to nothing outside). */
const METADATA_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.tencentyun.com",
  "metadata.azure.internal",
]);

export const REFUSED_CODE = "ERR_TERN_REFUSED_ADDRESS";

/** Raised when a connection would reach a refused address; `code` lets error mappers recognise it. */
export class RefusedAddressError extends Error {
  readonly code = REFUSED_CODE;
  constructor(message: string) {
    super(message);
    this.name = "RefusedAddressError";
  }
}

function v4Reason(a: ipaddr.IPv4): string | null {
  const s = a.toString();
  const exact = METADATA_V4.get(s);
  if (exact) return `${s} is ${exact}`;
  const range = a.range();
  if (range === "linkLocal") return `${s} is a link-local address, where cloud instance metadata services live`;
  if (range === "unspecified") return `${s} is not a routable address`;
  return null;
}

/** Why an IP address (any spelling ipaddr.js accepts: IPv4-mapped, decimal, octal, hex) is refused; null when allowed. */
export function refusedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return null;
  const a = ipaddr.process(bare); // IPv4-mapped IPv6 becomes IPv4 here
  if (a.kind() === "ipv4") return v4Reason(a as ipaddr.IPv4);
  const v6 = a as ipaddr.IPv6;
  const s = v6.toNormalizedString();
  for (const [m, what] of METADATA_V6)
    if (ipaddr.IPv6.parse(m).toNormalizedString() === s) return `${v6.toString()} is ${what}`;
  const range = v6.range();
  if (range === "linkLocal") return `${v6.toString()} is a link-local address`;
  if (range === "unspecified") return `${v6.toString()} is not a routable address`;
  // NAT64 (64:ff9b::/96) and similar translations carry an IPv4 address in their last 32 bits.
  if (range === "rfc6052" || range === "6to4" || range === "teredo") {
    const b = v6.toByteArray();
    const embedded =
      range === "6to4" ? b.slice(2, 6) : range === "teredo" ? b.slice(12, 16).map((x) => x ^ 0xff) : b.slice(12, 16);
    const reason = v4Reason(new ipaddr.IPv4(embedded));
    if (reason) return `${v6.toString()} embeds ${reason}`;
  }
  return null;
}

/** Why a URL's host is refused before any DNS lookup (an IP literal or a metadata name); null when it may be tried. */
export function refusedHostReason(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (METADATA_NAMES.has(host)) return `${host} is a cloud instance metadata service`;
  return refusedAddressReason(host);
}

/** The host of an http(s) URL as the WHATWG parser normalises it (decimal/octal IPv4 spellings become dotted). */
export function hostnameOf(url: string | URL): string | null {
  try {
    return (typeof url === "string" ? new URL(url) : url).hostname;
  } catch {
    return null;
  }
}
