// The migration timeline: covering range, step markers, and the traffic share from two request rates.
import { describe, expect, it } from "vitest";
import type { ChartPanel } from "@/server/validation/metrics";
import { rangeCovering, stepMarkers, trafficShare } from "./migration-timeline";

const names = { source: "source", target: "target" };
const req = (points: [number, number | null][]): ChartPanel => ({ ok: true, series: [{ name: "requests", points }] });

describe("rangeCovering", () => {
  it("picks the smallest range that includes the start", () => {
    const now = Date.now();
    expect(rangeCovering(now - 5 * 60_000, now)).toBe("15m");
    expect(rangeCovering(now - 20 * 60_000, now)).toBe("1h");
    expect(rangeCovering(now - 30 * 86_400_000, now)).toBe("7d");
  });
});

describe("stepMarkers", () => {
  it("marks started steps by their number", () => {
    expect(
      stepMarkers([
        { index: 0, startedAt: new Date(1000) },
        { index: 1, startedAt: null },
      ]),
    ).toEqual([{ atMs: 1000, label: "1" }]);
  });
});

describe("trafficShare", () => {
  it("splits requests between source and target per aligned timestamp", () => {
    const out = trafficShare(
      req([
        [10_000, 9],
        [20_000, 5],
        [30_000, 0],
      ]),
      req([
        [10_400, 1],
        [20_200, 5],
        [30_000, 10],
      ]),
      10,
      names,
    );
    expect(out?.ok && out.series.map((s) => s.points)).toEqual([
      [
        [10_000, 0.9],
        [20_000, 0.5],
        [30_000, 0],
      ],
      [
        [10_000, 0.1],
        [20_000, 0.5],
        [30_000, 1],
      ],
    ]);
  });

  it("counts a missing target as no traffic and leaves moments without any traffic as gaps", () => {
    const out = trafficShare(
      req([
        [0, 4],
        [5000, 0],
      ]),
      { ok: true, series: [] },
      5,
      names,
    );
    expect(out?.ok && out.series[0]!.points).toEqual([
      [0, 1],
      [5000, null],
    ]);
  });

  it("passes a Prometheus error through", () => {
    const err: ChartPanel = { ok: false, error: { kind: "unreachable", message: "down" } };
    expect(trafficShare(req([[0, 1]]), err, 5, names)).toBe(err);
  });
});
