// The range cache: a repeated load costs no query, a later one asks only for the unsettled steps and answers as a
// full query would, failures are not kept, and the cache stays within its size.
import { describe, expect, it } from "vitest";
import type { PrometheusClient, QueryResult, Series } from "./prometheus-client";
import { createRangeCache, FRESH_MS, MAX_CACHED_POINTS, SETTLE_MS, withRangeCache } from "./range-cache";

const STEP = 60;
const MIN = 60_000;

/** A Prometheus whose answer at t depends on `late` for recent points (samples still arriving), and logs its calls. */
function fakeClient(opts: { fail?: () => boolean; seriesCount?: number } = {}) {
  const calls: { promql: string; start: number; end: number }[] = [];
  let late = 0;
  const client: PrometheusClient = {
    baseUrl: "http://prom.test",
    query: () => Promise.reject(new Error("not used")),
    queryRange(promql, start, end, step): Promise<QueryResult> {
      const s = Number(start);
      const e = Number(end);
      calls.push({ promql, start: s, end: e });
      if (opts.fail?.()) return Promise.resolve({ ok: false, error: { kind: "timeout", message: "slow" } });
      const series: Series[] = Array.from({ length: opts.seriesCount ?? 2 }, (_, i) => ({
        labels: { le: String(i) },
        points: [],
      }));
      for (let t = s; t <= e; t += step * 1000)
        for (const [i, x] of series.entries())
          x.points.push([t, (t / MIN) * (i + 1) + (t > nowMs - SETTLE_MS ? late : 0)]);
      return Promise.resolve({ ok: true, series });
    },
  };
  return { client, calls, setLate: (v: number) => (late = v) };
}

let nowMs = 1_800_000_000_000;
const range = (endMs: number) => [endMs - 24 * 60 * MIN, endMs] as const;

describe("range cache", () => {
  it("answers the same range again without a query while fresh", async () => {
    const cache = createRangeCache();
    const fake = fakeClient();
    const c = withRangeCache(fake.client, cache, () => nowMs);
    const [s, e] = range(nowMs);
    const a = await c.queryRange("q", s, e, STEP);
    const b = await c.queryRange("q", s, e, STEP);
    expect(fake.calls).toHaveLength(1);
    expect(b).toEqual(a);
    expect(cache.stats).toEqual({ queries: 1, hits: 1 });
    // Another query, step or Prometheus is another entry.
    await c.queryRange("q2", s, e, STEP);
    await c.queryRange("q", s, e, 30);
    await withRangeCache({ ...fake.client, baseUrl: "http://other.test" }, cache, () => nowMs).queryRange(
      "q",
      s,
      e,
      STEP,
    );
    expect(fake.calls).toHaveLength(4);
  });

  it("asks a later load only for the steps not settled, and answers as a full query", async () => {
    const cache = createRangeCache();
    const fake = fakeClient();
    const c = withRangeCache(fake.client, cache, () => nowMs);
    const end0 = Math.floor(nowMs / MIN) * MIN;
    await c.queryRange("q", ...range(end0), STEP);
    nowMs += 2 * MIN;
    fake.setLate(1000); // the last minutes changed since (late samples)
    const end1 = end0 + 2 * MIN;
    const got = await c.queryRange("q", ...range(end1), STEP);
    const second = fake.calls[1]!;
    // Only what was within SETTLE_MS of the first fetch is asked again.
    expect(second.start).toBeGreaterThan(end0 - SETTLE_MS - MIN);
    expect(second.start).toBeLessThanOrEqual(end0 - SETTLE_MS + STEP * 1000);
    expect(second.end).toBe(end1);
    const full = await fakeClient().client.queryRange("q", ...range(end1), STEP);
    fake.setLate(0);
    const plain = fakeClient();
    plain.setLate(1000);
    expect(got).toEqual(await plain.client.queryRange("q", ...range(end1), STEP));
    expect(got).not.toEqual(full); // the late change is in the answer
  });

  it("keeps no failure, and asks again after FRESH_MS", async () => {
    const cache = createRangeCache();
    let fail = true;
    const fake = fakeClient({ fail: () => fail });
    const c = withRangeCache(fake.client, cache, () => nowMs);
    const [s, e] = range(nowMs);
    expect((await c.queryRange("q", s, e, STEP)).ok).toBe(false);
    fail = false;
    expect((await c.queryRange("q", s, e, STEP)).ok).toBe(true);
    expect(fake.calls).toHaveLength(2);
    nowMs += FRESH_MS;
    await c.queryRange("q", s, e, STEP);
    expect(fake.calls).toHaveLength(3);
  });

  it("holds at most MAX_CACHED_POINTS, dropping the least recently used", async () => {
    const cache = createRangeCache();
    const fake = fakeClient({ seriesCount: 20 }); // 20 × 1,441 points an answer
    const c = withRangeCache(fake.client, cache, () => nowMs);
    const [s, e] = range(nowMs);
    for (let i = 0; i < 40; i++) await c.queryRange(`q${i}`, s, e, STEP);
    expect(cache.points).toBeLessThanOrEqual(MAX_CACHED_POINTS);
    expect(cache.entries.has(`http://prom.test\u0000${STEP}\u0000q39`)).toBe(true);
    expect(cache.entries.has(`http://prom.test\u0000${STEP}\u0000q0`)).toBe(false);
  });
});
