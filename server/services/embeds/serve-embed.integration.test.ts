// The public embed routes end to end on a real database and a fake Prometheus: a token shows its own chart
// and nothing else, dead tokens all look alike, framing follows the team's origins, and revocation bites.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedToken } from "../../embeds/embed-token";
import type { PrismaClient } from "../../generated/prisma/client";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";
import type { EmbedMetric } from "../../validation/embed";
import type { PrometheusSettings } from "../metrics/resolve-prometheus";
import { REVOCATION_DELAY_MS } from "./embed-limits";
import { LINK_CACHE_TTL_MS } from "./resolve-embed-link";
import { serveEmbedPage } from "./serve-embed-page";
import { serveEmbedSvg } from "./serve-embed-svg";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;
const queries: string[] = [];
const T0 = Date.parse("2026-11-03T12:00:00Z");

/** Answers every range query with a short flat series and remembers the PromQL it was asked. */
const fakeFetch: typeof fetch = (_url, init) => {
  // The client posts a URLSearchParams form.
  const body = init?.body instanceof URLSearchParams ? init.body : new URLSearchParams();
  queries.push(body.get("query") ?? "");
  const start = Number(body.get("start"));
  const values = [0, 1, 2, 3].map((i) => [start + i * 60, "42"]);
  const metric = body.get("query")?.includes("tern_gpu_price_per_hour") ? { currency: "USD" } : {};
  return Promise.resolve(
    Response.json({ status: "success", data: { resultType: "matrix", result: [{ metric, values }] } }),
  );
};
const prometheus: PrometheusSettings = { defaultUrl: "http://prometheus.test:9090", fetch: fakeFetch };

beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "alpha");
  b = await createTeamFixture(db.prisma, "beta");
});
afterAll(async () => db?.close());

async function makeLink(
  team: TeamFixture,
  over: { metric?: EmbedMetric; expiresAt?: Date; revokedAt?: Date; title?: string } = {},
) {
  const { token, hash } = createEmbedToken();
  const link = await db.prisma.embedLink.create({
    data: {
      teamId: team.teamId,
      deploymentId: team.deploymentId,
      metric: over.metric ?? "latency",
      rangeMinutes: 60,
      live: true,
      title: over.title ?? `chart of ${team.deploymentId}`,
      tokenHash: hash,
      createdById: team.users.OPERATOR.id,
      createdAt: new Date(T0 - 86_400_000),
      expiresAt: over.expiresAt ?? new Date(T0 + 86_400_000),
      revokedAt: over.revokedAt ?? null,
    },
  });
  return { token, id: link.id };
}

const svgOf = (token: string, now = T0, query = "", prisma: PrismaClient = db.prisma) =>
  serveEmbedSvg({
    prisma,
    token,
    request: new Request(`http://tern.test/api/embed/${token}/svg${query}`),
    now: new Date(now),
    prometheus,
  });
const pageOf = (token: string, now = T0, headers: Record<string, string> = {}) =>
  serveEmbedPage({
    prisma: db.prisma,
    token,
    request: new Request(`http://tern.test/embed/${token}`, { headers }),
    now: new Date(now),
    prometheus,
  });

async function snapshot(res: Response) {
  const headers = [...res.headers.entries()].sort();
  return { status: res.status, headers, body: await res.text() };
}

describe("the chart image", () => {
  it("draws its own chart: a token for chart A never queries chart B", async () => {
    const linkA = await makeLink(a, { metric: "latency", title: "Alpha latency" });
    const linkB = await makeLink(b, { metric: "requests", title: "Beta traffic" });
    queries.length = 0;
    const resA = await svgOf(linkA.token, T0, "?deployment=d-beta&metric=requests");
    const svgA = await resA.text();
    expect(resA.status).toBe(200);
    expect(svgA).toContain('<title id="chart-title">Alpha latency</title>');
    expect(svgA).toContain(">SLO 200 ms</text>");
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain('deployment="d-alpha"');
    expect(queries[0]).toContain(`tern_cluster_id="${a.clusterId}"`);
    expect(queries[0]).toContain("histogram_quantile(0.95");
    expect(queries.join()).not.toContain("d-beta");

    queries.length = 0;
    const svgB = await (await svgOf(linkB.token)).text();
    expect(svgB).toContain("Beta traffic");
    expect(svgB).not.toContain("Alpha");
    expect(queries.join()).toContain('deployment="d-beta"');
    expect(queries.join()).not.toContain("d-alpha");
  });

  it("is an image that runs nothing, cacheable for 10 s", async () => {
    const { token } = await makeLink(a, { metric: "replicas" });
    const res = await svgOf(token, T0, "?w=400&h=200&theme=dark");
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(res.headers.get("cache-control")).toBe("public, max-age=10");
    expect(res.headers.get("set-cookie")).toBeNull();
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="400" height="200"/);
    expect(svg).toContain('fill="#111827"');
    expect(svg).not.toMatch(/<script|on[a-z]+=/i);
  });

  it("answers unknown, malformed, expired and revoked tokens identically, after the same lookups", async () => {
    const expired = await makeLink(a, { expiresAt: new Date(T0 - 1) });
    const revoked = await makeLink(a, { revokedAt: new Date(T0 - 60_000) });
    const unknown = createEmbedToken().token;
    // Count the database operations each answer costs: the same work is the same timing, give or take.
    const ops: string[] = [];
    const counted = db.prisma.$extends({
      query: {
        $allModels: {
          $allOperations({ model, operation, args, query }) {
            ops.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    const answers = [];
    const work: string[][] = [];
    for (const token of [unknown, expired.token, revoked.token]) {
      ops.length = 0;
      answers.push(await snapshot(await svgOf(token, T0, "", counted)));
      work.push([...ops]);
    }
    answers.push(await snapshot(await svgOf("not-a-token")));
    expect(work).toEqual([["EmbedLink.findUnique"], ["EmbedLink.findUnique"], ["EmbedLink.findUnique"]]);
    for (const x of answers) expect(x).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(404);
    expect(answers[0]!.body).toContain("This chart is not available");
    expect(answers[0]!.headers).toContainEqual(["cache-control", "no-store"]);

    const pages = [];
    for (const token of [unknown, expired.token, revoked.token, "x"]) pages.push(await snapshot(await pageOf(token)));
    for (const x of pages) expect(x).toEqual(pages[0]);
    expect(pages[0]!.status).toBe(404);
    expect(pages[0]!.body).not.toMatch(/<script|<a |<button|<form/i);
  });

  it("draws cost from Tern's price gauges on the shared Prometheus, else from ready replicas × price", async () => {
    const { token } = await makeLink(a, { metric: "cost" });
    queries.length = 0;
    const shared = await (await svgOf(token, T0 + 100, "?w=640")).text();
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain(`tern_gpu_price_per_hour{team="${a.teamId}"}`);
    expect(shared).toContain("(USD/h)");

    // A cluster with its own Prometheus has no Tern gauges: 42 ready replicas × 1 GPU × 2.5 USD = 105 USD/h.
    await db.prisma.cluster.update({
      where: { id: a.clusterId },
      data: { prometheusUrl: "http://own-prometheus.test:9090" },
    });
    try {
      queries.length = 0;
      // Another series width (the cache holds 10 s per link and width), so this asks the cluster's own Prometheus.
      const own = await (await svgOf(token, T0 + 200, "?w=1200")).text();
      expect(queries).toHaveLength(1);
      expect(queries[0]).toContain("kube_deployment_status_replicas_ready");
      expect(queries[0]).not.toContain("cluster_id=");
      expect(own).toContain("(USD/h)");
      expect(own).toContain("latest 105");
    } finally {
      await db.prisma.cluster.update({ where: { id: a.clusterId }, data: { prometheusUrl: null } });
    }
  });

  it("tells wiki readers why there is no data without naming the Prometheus", async () => {
    const { token } = await makeLink(a, { metric: "errors" });
    const down: PrometheusSettings = {
      defaultUrl: "http://10.1.2.3:9090",
      fetch: () =>
        Promise.reject(
          new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }),
        ),
    };
    const res = await serveEmbedSvg({
      prisma: db.prisma,
      token,
      request: new Request(`http://tern.test/x?w=900`),
      now: new Date(T0 + 777),
      prometheus: down,
    });
    const svg = await res.text();
    expect(res.status).toBe(200);
    expect(svg).toContain("metrics are unavailable right now");
    expect(svg).not.toContain("10.1.2.3");
  });
});

describe("the framable page", () => {
  it("renders the chart with no links or buttons, framable only by the team's wikis", async () => {
    const admin = await callerAs(db.prisma, a.users.ADMIN, a.teamId);
    const { token } = await makeLink(a, { title: "Alpha <b>p95</b>" });
    const before = await pageOf(token);
    expect(before.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'$/);

    await admin.embed.setOrigins({ origins: ["https://wiki.example.com", "https://docs.example.org"] });
    const res = await pageOf(token, T0 + 1000, { "accept-language": "zh-CN,zh;q=0.9" });
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/wiki\.example\.com https:\/\/docs\.example\.org$/);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<title>Alpha &lt;b&gt;p95&lt;/b&gt; · Tern</title>");
    expect(html).toContain("<svg");
    expect(html).toContain("实时，更新于");
    expect(html).not.toMatch(/<a[\s>]|<button|<form|<input|<iframe/i);
    // Every script and style carries this response's nonce; the live refresh reads the image endpoint.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(`data-src="/api/embed/${token}/svg?w=800&amp;h=300"`);
    expect(html).toContain("setInterval(()=>void tick(),10000)");
  });

  it("has no refresh script when the chart is a fixed period", async () => {
    const { token, id } = await makeLink(b);
    await db.prisma.embedLink.update({ where: { id }, data: { live: false } });
    const html = await (await pageOf(token, T0 + LINK_CACHE_TTL_MS + 5_000)).text();
    expect(html).not.toContain("<script");
    expect(html).toContain("Period ending");
  });

  it("records the last view at most once a minute", async () => {
    const { token, id } = await makeLink(b);
    const lastUsed = async () => (await db.prisma.embedLink.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime();
    await svgOf(token, T0 - 5_000, "?preview=1");
    expect(await lastUsed()).toBeUndefined();
    await svgOf(token, T0);
    expect(await lastUsed()).toBe(T0);
    await pageOf(token, T0 + 30_000);
    await svgOf(token, T0 + 59_000);
    expect(await lastUsed()).toBe(T0);
    await svgOf(token, T0 + 61_000);
    expect(await lastUsed()).toBe(T0 + 61_000);
  });
});

describe("revocation", () => {
  it("stops a link at once where it was revoked", async () => {
    const { token, id } = await makeLink(a);
    expect((await svgOf(token)).status).toBe(200);
    const op = await callerAs(db.prisma, a.users.OPERATOR, a.teamId);
    await op.embed.revoke({ id });
    expect((await svgOf(token, T0 + 1)).status).toBe(404);
    expect((await pageOf(token, T0 + 1)).status).toBe(404);
  });

  it("stops a link revoked by another app replica within 60 s, cached images included", async () => {
    expect(REVOCATION_DELAY_MS).toBeLessThanOrEqual(60_000);
    const { token, id } = await makeLink(a);
    expect((await svgOf(token)).status).toBe(200);
    // Another replica revokes: this process only learns it from the database once its cached lookup ends.
    await db.prisma.embedLink.update({ where: { id }, data: { revokedAt: new Date(T0) } });
    expect((await svgOf(token, T0 + 1_000)).status).toBe(200);
    expect((await svgOf(token, T0 + LINK_CACHE_TTL_MS + 1)).status).toBe(404);
  });

  it("also ends at the expiry time, with no cache in between", async () => {
    const { token } = await makeLink(b, { expiresAt: new Date(T0 + 5_000) });
    expect((await svgOf(token, T0)).status).toBe(200);
    expect((await svgOf(token, T0 + 5_000)).status).toBe(404);
  });
});
