// The Deployment controller's arithmetic, checked against what kube-controller-manager does.
import { describe, expect, it } from "vitest";
import { fenceposts, recreateStep, resolveIntOrPercent, rollingStep, type RsCounts } from "./rollout";

const rs = (name: string, replicas: number, available: number, revision: number): RsCounts => ({
  name,
  replicas,
  actual: replicas,
  available,
  revision,
});

describe("fenceposts", () => {
  it("rounds surge up and unavailability down, as ResolveFenceposts does", () => {
    expect(resolveIntOrPercent("25%", 10, true)).toBe(3);
    expect(resolveIntOrPercent("25%", 10, false)).toBe(2);
    expect(resolveIntOrPercent(2, 10, false)).toBe(2);
    expect(fenceposts({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } }, 2)).toEqual(
      { maxSurge: 1, maxUnavailable: 0 },
    );
    // Both zero would never progress: one pod may be unavailable.
    expect(fenceposts({ rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }, 3)).toEqual({
      maxSurge: 0,
      maxUnavailable: 1,
    });
  });
});

describe("rollingStep", () => {
  const strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };

  it("surges the new ReplicaSet first, then scales old ones down only as new pods become available", () => {
    const old = [rs("old", 3, 3, 1)];
    expect([...rollingStep(3, strategy, rs("new", 0, 0, 2), old)]).toEqual([["new", 1]]);
    // New pod not yet available: nothing may move.
    expect([...rollingStep(3, strategy, rs("new", 1, 0, 2), old)]).toEqual([]);
    expect([...rollingStep(3, strategy, rs("new", 1, 1, 2), old)]).toEqual([["old", 2]]);
  });

  it("removes unavailable old pods first, since that costs no availability", () => {
    // minAvailable is 2 and only 2 old pods are available: the 2 unavailable ones go, the available ones stay.
    expect(
      rollingStep(4, { rollingUpdate: { maxSurge: 0, maxUnavailable: 2 } }, rs("new", 0, 0, 2), [
        rs("old", 4, 2, 1),
      ]).get("old"),
    ).toBe(2);
    // With maxUnavailable 1 the budget is one pod: one unavailable pod goes, nothing available is touched.
    expect(
      rollingStep(4, { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, rs("new", 0, 0, 2), [
        rs("old", 4, 2, 1),
      ]).get("old"),
    ).toBe(3);
  });

  it("scales the new ReplicaSet down when desired replicas drop", () => {
    expect([...rollingStep(1, strategy, rs("new", 3, 3, 2), [])]).toEqual([["new", 1]]);
  });
});

describe("recreateStep", () => {
  it("stops every old pod before starting new ones", () => {
    expect([...recreateStep(2, rs("new", 0, 0, 2), [rs("old", 2, 2, 1)])]).toEqual([["old", 0]]);
    expect([...recreateStep(2, rs("new", 0, 0, 2), [{ ...rs("old", 0, 0, 1), actual: 1 }])]).toEqual([]);
    expect([...recreateStep(2, rs("new", 0, 0, 2), [rs("old", 0, 0, 1)])]).toEqual([["new", 2]]);
  });
});
