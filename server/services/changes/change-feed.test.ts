// The change feed's wire format: small payloads under PostgreSQL's NOTIFY limit, own notices ignored, junk dropped.
import { describe, expect, it } from "vitest";
import { decodeChanges, encodeChanges } from "./change-feed";
import type { Change } from "./change-bus";

const d = (i: number): Change => ({
  kind: "deployment",
  teamId: "team_" + "t".repeat(20),
  id: `dep_${i}_${"x".repeat(20)}`,
  reason: "status",
});

describe("change feed payloads", () => {
  it("round-trips every kind, and drops exact repeats", () => {
    const changes: Change[] = [
      d(1),
      d(1),
      { kind: "migration", teamId: "t", id: "m", reason: "step" },
      { kind: "cluster", teamId: "t", id: "c", reason: "health" },
      { kind: "embed", teamId: "t", id: "e", reason: "revoked" },
    ];
    const [payload, ...rest] = encodeChanges(changes, "other");
    expect(rest).toEqual([]);
    expect(decodeChanges(payload!, "me")).toEqual([changes[0], changes[2], changes[3], changes[4]]);
  });

  it("splits a burst into payloads below 8000 bytes that together carry every change", () => {
    const burst = Array.from({ length: 1000 }, (_, i) => d(i));
    const payloads = encodeChanges(burst, "other");
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => decodeChanges(p, "me") ?? [])).toEqual(burst);
  });

  it("ignores this process's own notices and malformed ones", () => {
    const [own] = encodeChanges([d(1)], "me");
    expect(decodeChanges(own!, "me")).toBeNull();
    expect(decodeChanges("not json", "me")).toBeNull();
    expect(
      decodeChanges(
        JSON.stringify({
          o: "x",
          c: [
            ["d", "t", "i", "bogus"],
            ["z", "t", "i", "spec"],
            [1, 2, 3, 4],
          ],
        }),
        "me",
      ),
    ).toEqual([]);
  });
});
