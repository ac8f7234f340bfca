// The HPA arithmetic against the worked examples of the Kubernetes documentation.
import { describe, expect, it } from "vitest";
import { limitByRate, replicasForMetric, scaleDownLimit, scaleUpLimit, stabilize, type Timed } from "./hpa-algorithm";

const DEFAULT_UP = {
  stabilizationWindowSeconds: 0,
  selectPolicy: "Max" as const,
  policies: [
    { type: "Pods" as const, value: 4, periodSeconds: 15 },
    { type: "Percent" as const, value: 100, periodSeconds: 15 },
  ],
};
const DEFAULT_DOWN = {
  stabilizationWindowSeconds: 300,
  selectPolicy: "Max" as const,
  policies: [{ type: "Percent" as const, value: 100, periodSeconds: 15 }],
};

describe("HPA replica arithmetic", () => {
  it("desired = ceil(current × metric / target), with a tolerance of 0.1", () => {
    expect(replicasForMetric(1, 1, 200, 100)).toBe(2); // the docs' 200m / 100m example
    expect(replicasForMetric(4, 4, 50, 100)).toBe(2);
    expect(replicasForMetric(3, 3, 10.9, 10)).toBe(3); // within tolerance: no change
    expect(replicasForMetric(3, 3, 11.2, 10)).toBe(4);
    expect(replicasForMetric(3, 2, 30, 10)).toBe(6); // averaged over ready pods only
  });

  it("scale-down takes the highest recommendation of the stabilisation window", () => {
    const history: Timed[] = [];
    const at = (s: number) => s * 1000;
    const step = (s: number, desired: number, current: number) =>
      stabilize({ now: at(s), current, desired, history, upWindowMs: 0, downWindowMs: at(300) });
    expect(step(0, 5, 5)).toBe(5);
    expect(step(15, 2, 5)).toBe(5);
    expect(step(200, 1, 5)).toBe(5);
    expect(step(301, 1, 5)).toBe(2); // the 5 has left the window, the 2 has not
    expect(step(501, 1, 2)).toBe(1);
    expect(step(502, 8, 1)).toBe(8); // scale-up is immediate with a zero window
  });

  it("limits the rate of change by the policies over their periods", () => {
    expect(scaleUpLimit(2, [], DEFAULT_UP, 0)).toBe(6); // max(2 + 4, 2 × 2)
    expect(scaleUpLimit(10, [], DEFAULT_UP, 0)).toBe(20);
    // 4 added 10 s ago: the period started from 6 replicas
    expect(scaleUpLimit(10, [{ at: 0, value: 4 }], DEFAULT_UP, 10_000)).toBe(12);
    expect(scaleDownLimit(10, [], DEFAULT_DOWN, 0)).toBe(0);
    const slow = { ...DEFAULT_DOWN, policies: [{ type: "Pods" as const, value: 1, periodSeconds: 60 }] };
    expect(scaleDownLimit(5, [{ at: 0, value: 1 }], slow, 30_000)).toBe(5);
    expect(scaleDownLimit(5, [{ at: 0, value: 1 }], slow, 61_000)).toBe(4);
    expect(scaleUpLimit(3, [], { ...DEFAULT_UP, selectPolicy: "Disabled" }, 0)).toBe(3);
  });

  it("clamps to min and max and says why", () => {
    const base = { min: 1, max: 4, upEvents: [], downEvents: [], up: DEFAULT_UP, down: DEFAULT_DOWN, now: 0 };
    expect(limitByRate({ ...base, current: 2, desired: 9 })).toEqual({ replicas: 4, reason: "TooManyReplicas" });
    expect(limitByRate({ ...base, current: 2, desired: 0 })).toEqual({ replicas: 1, reason: "TooFewReplicas" });
    expect(limitByRate({ ...base, max: 50, current: 2, desired: 9 })).toEqual({ replicas: 6, reason: "ScaleUpLimit" });
    expect(limitByRate({ ...base, current: 2, desired: 3 })).toEqual({ replicas: 3, reason: "DesiredWithinRange" });
  });
});
