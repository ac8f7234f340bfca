// Status-sync work sharing between replicas: fair shares, shedding to a newcomer, taking over expired leases.
import { describe, expect, it } from "vitest";
import { planSyncShare } from "./plan-sync-share";

const now = 1_000_000;
const lease = (id: string, holder: string, inMs: number) => ({
  name: `sync:${id}`,
  holder,
  expiresAt: new Date(now + inMs),
});
const ids = ["c1", "c2", "c3", "c4"];

describe("planSyncShare", () => {
  it("takes every free cluster when it is alone", () => {
    expect(planSyncShare({ clusterIds: ids, leases: [], liveReplicas: 1, holder: "a", now })).toEqual({
      keep: [],
      take: ids,
      shed: [],
      nextExpiry: null,
    });
  });

  it("sheds half to a second replica, which then takes them", () => {
    const leases = ids.map((id) => lease(id, "a", 5000));
    const a = planSyncShare({ clusterIds: ids, leases, liveReplicas: 2, holder: "a", now });
    expect(a).toMatchObject({ keep: ["c1", "c2"], shed: ["c3", "c4"], take: [], nextExpiry: null });
    const released = [lease("c1", "a", 5000), lease("c2", "a", 5000), lease("c3", "", -now), lease("c4", "", -now)];
    expect(planSyncShare({ clusterIds: ids, leases: released, liveReplicas: 2, holder: "b", now })).toMatchObject({
      keep: [],
      take: ["c3", "c4"],
      shed: [],
    });
  });

  it("waits for a live foreign lease and says when it expires; takes it once expired", () => {
    const held = [lease("c1", "dead", 1200)];
    expect(planSyncShare({ clusterIds: ["c1"], leases: held, liveReplicas: 2, holder: "b", now })).toEqual({
      keep: [],
      take: [],
      shed: [],
      nextExpiry: now + 1200,
    });
    const expired = [lease("c1", "dead", -1)];
    expect(planSyncShare({ clusterIds: ["c1"], leases: expired, liveReplicas: 2, holder: "b", now }).take).toEqual([
      "c1",
    ]);
  });
});
