// A stand-in for Prometheus' HTTP API in tests: answers each query with the series a test chooses and
// records what was asked, so tests see the PromQL and the URL Tern sent.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedQuery {
  url: string;
  path: string;
  query: string;
}

export interface FakeSeries {
  metric?: Record<string, string>;
  /** The value at each step, from the request's start, step and end (range) or now (instant). */
  value: (tMs: number) => number | null;
}

export function fakePrometheus(answer: (query: string) => FakeSeries[]) {
  const calls: RecordedQuery[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = new URLSearchParams(
      typeof init?.body === "string" ? init.body : String(init?.body as URLSearchParams),
    );
    const query = body.get("query") ?? "";
    const path = new URL(url).pathname;
    calls.push({ url, path, query });
    const series = answer(query);
    const fmt = (v: number | null) => (v === null ? null : Number.isNaN(v) ? "NaN" : String(v));
    let data: unknown;
    if (path.endsWith("/query_range")) {
      const [start, end, step] = ["start", "end", "step"].map((k) => Number(body.get(k)));
      data = {
        resultType: "matrix",
        result: series.map((s) => {
          const values: [number, string][] = [];
          for (let t = start!; t <= end! + 1e-9; t += step!) {
            const v = fmt(s.value(Math.round(t * 1000)));
            if (v !== null) values.push([t, v]);
          }
          return { metric: s.metric ?? {}, values };
        }),
      };
    } else {
      const now = Date.now();
      data = {
        resultType: "vector",
        result: series.flatMap((s) => {
          const v = fmt(s.value(now));
          return v === null ? [] : [{ metric: s.metric ?? {}, value: [now / 1000, v] }];
        }),
      };
    }
    return Promise.resolve(
      new Response(JSON.stringify({ status: "success", data }), { headers: { "content-type": "application/json" } }),
    );
  };
  return { fetch: fetchFn, calls };
}

/** A loopback port nothing listens on (bound, then released). */
export async function unusedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
