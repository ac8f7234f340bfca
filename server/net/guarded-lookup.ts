// A DNS lookup for sockets that refuses metadata addresses after resolution, so DNS rebinding cannot reach them.
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { RefusedAddressError, refusedAddressReason, refusedHostReason } from "./refused-address";

type Address = dns.LookupAddress;

/** Drop-in for `net.connect({ lookup })` / undici's `connect.lookup`: resolves, then checks every address. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  const byName = refusedHostReason(hostname);
  if (byName) {
    callback(new RefusedAddressError(`${byName}; Tern does not connect to it`), "", 0);
    return;
  }
  dns.lookup(hostname, { ...options, all: true }, (err, addresses: Address[]) => {
    if (err) return callback(err, "", 0);
    for (const a of addresses) {
      const reason = refusedAddressReason(a.address);
      if (reason)
        return callback(
          new RefusedAddressError(`${hostname} resolves to ${reason}; Tern does not connect to it`),
          "",
          0,
        );
    }
    if (options.all) return (callback as unknown as (e: null, a: Address[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
    callback(null, first.address, first.family);
  });
};

/** Resolves a URL's host now and says why it is refused (for input checks); null when allowed or not resolvable. */
export async function refusedUrlReason(url: string): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null; // the URL validators report malformed URLs themselves
  }
  const byName = refusedHostReason(host);
  if (byName) return byName;
  try {
    const addresses = await dns.promises.lookup(host.replace(/^\[|\]$/g, ""), { all: true, verbatim: true });
    for (const a of addresses) {
      const reason = refusedAddressReason(a.address);
      if (reason) return `${host} resolves to ${reason}`;
    }
  } catch {
    // Not resolvable from here now: allowed at input; the connect-time check still applies.
  }
  return null;
}
