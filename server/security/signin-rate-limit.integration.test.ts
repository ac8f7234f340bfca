// Item 4: the sign-in limit keyed on a client-chosen X-Forwarded-For (vary it: unlimited guesses) and, behind
// a proxy that appends to it, on one shared bucket (ten bad tries locked everyone out). Now forwarded hops
// count only from TERN_TRUSTED_PROXIES, the rightmost untrusted hop is the client, and each account has its
// own limit on failures whatever the address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../test/test-db";
import { clientAddress, parseTrustedProxies, peerStamp, PEER_HEADER } from "../auth/client-address";
import { signIn, signUp, startHarness } from "../test/http-harness";

let db: TestDb;
beforeAll(async () => {
  db = await startHarness({
    TERN_TRUSTED_PROXIES: "10.0.0.0/8",
    TERN_SIGNIN_ATTEMPTS_PER_MINUTE: "10",
    TERN_SIGNIN_FAILURES_PER_ACCOUNT: "10",
  });
  await signUp("alice@example.test", "alice-password-1", { peer: "10.0.0.1", xff: "198.51.100.1" });
  await signUp("bob@example.test", "bob-password-123", { peer: "10.0.0.1", xff: "198.51.100.2" });
});
afterAll(async () => db?.close());

describe("client address", () => {
  const h = (peer: string, xff?: string) =>
    new Headers({ [PEER_HEADER]: peerStamp(peer), ...(xff ? { "x-forwarded-for": xff } : {}) });
  const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.7");
  it("ignores X-Forwarded-For from an untrusted peer, and a forged stamp", () => {
    expect(clientAddress(h("203.0.113.9", "1.2.3.4"), trusted)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "forged 1.2.3.4" }), trusted)).toBeNull();
  });
  it("takes the rightmost untrusted hop behind trusted proxies", () => {
    expect(clientAddress(h("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.168.1.7"), trusted)).toBe("198.51.100.7");
    expect(clientAddress(h("::ffff:10.1.2.3", "198.51.100.7"), trusted)).toBe("198.51.100.7");
  });
  it("refuses a malformed TERN_TRUSTED_PROXIES with a message", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow(/'proxy.local' is not an IP address or CIDR/);
  });
});

describe("sign-in rate limit", () => {
  it("does not reset when the client varies X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await signIn(`nobody${i}@example.test`, "wrong-password", {
        peer: "203.0.113.50",
        xff: `192.0.2.${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("gives each client behind a trusted proxy its own bucket", async () => {
    // Mallory, behind the proxy, forges a hop and burns ten tries.
    for (let i = 0; i < 11; i++)
      await signIn(`ghost${i}@example.test`, "wrong-password", { peer: "10.0.0.1", xff: `6.6.6.${i}, 198.51.100.66` });
    // Bob, behind the same proxy, still signs in.
    const bob = await signIn("bob@example.test", "bob-password-123", { peer: "10.0.0.1", xff: "198.51.100.2" });
    expect(bob.status).toBe(200);
  });

  it("locks one account after ten failures from any addresses, with a clear message, and audits them", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await signIn("alice@example.test", "guess-" + i, { peer: "10.0.0.1", xff: `198.51.100.${100 + i}` });
      expect(res.status).toBe(401);
    }
    const locked = await signIn("alice@example.test", "alice-password-1", { peer: "10.0.0.1", xff: "198.51.100.1" });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toMatch(
      /too many failed sign-ins for this account; wait \d+ minutes/,
    );
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    const failures = await db.prisma.auditEvent.findMany({
      where: { action: "auth.sign-in", outcome: "DENIED", actorEmail: "alice@example.test" },
    });
    expect(failures).toHaveLength(10);
    expect(new Set(failures.map((f) => f.ip)).size).toBe(10);
    // Other accounts are unaffected.
    expect(
      (await signIn("bob@example.test", "bob-password-123", { peer: "10.0.0.1", xff: "198.51.100.3" })).status,
    ).toBe(200);
  });

  it("audits successful sign-ins and sign-outs with the client address", async () => {
    const ok = await db.prisma.auditEvent.findFirst({
      where: { action: "auth.sign-in", outcome: "SUCCESS", actorEmail: "bob@example.test" },
    });
    expect(ok?.ip).toBe("198.51.100.2");
  });
});
