import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrometheusClient, parseQueryData } from "./prometheus-client";

type Handler = (req: IncomingMessage, body: URLSearchParams, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end();
let server: http.Server;
let url = "";
let lastBody = new URLSearchParams();

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      lastBody = new URLSearchParams(raw);
      handler(req, lastBody, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections(); // fetch keeps connections alive; close() alone would wait for them
  await new Promise<void>((r) => server.close(() => r()));
});

describe("Prometheus client", () => {
  it("asks a Prometheus on this machine for an uncompressed answer, and a remote one as fetch does", async () => {
    let seen = "";
    handler = (req, _b, res) => {
      seen = String(req.headers["accept-encoding"]);
      json(res, 200, { status: "success", data: { resultType: "vector", result: [] } });
    };
    expect((await createPrometheusClient({ baseUrl: url }).query("up")).ok).toBe(true);
    expect(seen).toBe("identity");
    const sent: Headers[] = [];
    const remote = createPrometheusClient({
      baseUrl: "http://prometheus.example:9090",
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers));
        return Promise.resolve(new Response('{"status":"success","data":{"resultType":"vector","result":[]}}'));
      },
    });
    await remote.query("up");
    expect(sent[0]!.has("accept-encoding")).toBe(false);
  });

  it("parses a matrix: string values to numbers, float seconds to ms, special values", async () => {
    handler = (req, _b, res) =>
      json(res, 200, {
        status: "success",
        data: {
          resultType: "matrix",
          result: [
            {
              metric: { cluster: "a" },
              values: [
                [1700000000.123, "1.5"],
                [1700000015, "NaN"],
                [1700000030, "+Inf"],
              ],
            },
          ],
        },
      });
    const r = await createPrometheusClient({ baseUrl: `${url}/` }).queryRange(
      "up",
      1_700_000_000_000,
      1_700_000_030_000,
      15,
    );
    expect(r.ok && r.series).toEqual([
      {
        labels: { cluster: "a" },
        points: [
          [1700000000123, 1.5],
          [1700000015000, NaN],
          [1700000030000, Infinity],
        ],
      },
    ]);
    expect(Object.fromEntries(lastBody)).toEqual({
      query: "up",
      start: "1700000000.000",
      end: "1700000030.000",
      step: "15",
      timeout: "10s",
    });
  });

  it("parses vectors, scalars and warnings", async () => {
    handler = (_r, _b, res) =>
      json(res, 200, {
        status: "success",
        warnings: ["partial"],
        data: { resultType: "vector", result: [{ metric: {}, value: [1700000000, "-Inf"] }] },
      });
    expect(await createPrometheusClient({ baseUrl: url }).query("x", new Date(1_700_000_000_000))).toEqual({
      ok: true,
      series: [{ labels: {}, points: [[1700000000000, -Infinity]] }],
      warnings: ["partial"],
    });
    expect(lastBody.get("time")).toBe("1700000000.000");
    expect(parseQueryData({ resultType: "scalar", result: [1700000000, "2"] })).toEqual([
      { labels: {}, points: [[1700000000000, 2]] },
    ]);
    expect(parseQueryData({ resultType: "streams", result: [] })).toBeNull();
  });

  it("reports a bad query (HTTP 400 bad_data) with Prometheus' message", async () => {
    handler = (_r, _b, res) =>
      json(res, 400, { status: "error", errorType: "bad_data", error: 'invalid parameter "query": 1:5: parse error' });
    expect(await createPrometheusClient({ baseUrl: url }).query("up{")).toEqual({
      ok: false,
      error: {
        kind: "bad_query",
        message: 'Prometheus refused the query: invalid parameter "query": 1:5: parse error',
      },
    });
  });

  it("reports 422 execution errors as bad queries and 503 as timeouts", async () => {
    handler = (_r, _b, res) =>
      json(res, 422, { status: "error", errorType: "execution", error: "many-to-many matching not allowed" });
    expect((await createPrometheusClient({ baseUrl: url }).query("a * b")).ok === false).toBe(true);
    const r1 = await createPrometheusClient({ baseUrl: url }).query("a * b");
    expect(!r1.ok && r1.error.kind).toBe("bad_query");
    handler = (_r, _b, res) =>
      json(res, 503, { status: "error", errorType: "timeout", error: "query timed out in expression evaluation" });
    const r2 = await createPrometheusClient({ baseUrl: url }).query("x");
    expect(!r2.ok && r2.error.kind).toBe("timeout");
  });

  it("reports a proxy's HTML page as a server error, not as data", async () => {
    handler = (_r, _b, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad gateway</html>");
    };
    const r = await createPrometheusClient({ baseUrl: url }).query("up");
    expect(r).toEqual({
      ok: false,
      error: {
        kind: "server_error",
        message: `${url} did not answer like the Prometheus API (HTTP 502, text/html); check the Prometheus URL`,
      },
    });
  });

  it("times out a slow Prometheus", async () => {
    handler = (_r, _b, res) =>
      setTimeout(() => json(res, 200, { status: "success", data: { resultType: "vector", result: [] } }), 1000);
    const t0 = Date.now();
    const r = await createPrometheusClient({ baseUrl: url, timeoutMs: 150 }).query("up");
    expect(Date.now() - t0).toBeLessThan(900);
    expect(!r.ok && r.error).toEqual({ kind: "timeout", message: `Prometheus at ${url} did not answer within 0.15 s` });
  });

  it("reports a Prometheus that is down as unreachable, never as zero", async () => {
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const r = await createPrometheusClient({ baseUrl: `http://127.0.0.1:${port}` }).query("up");
    expect(r).toEqual({
      ok: false,
      error: { kind: "unreachable", message: `Prometheus at http://127.0.0.1:${port} is unreachable (ECONNREFUSED)` },
    });
  });
});
