// Issue 9 item 8: inputs a hostile client or cluster controls are bounded before Tern spends memory or time on
// them: request bodies, list paging, Prometheus answers, the sync's pending queue, the overview's fan-out and
// the embed series cache.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as trpcPost } from "../../app/api/trpc/[trpc]/route";
import { connectCluster } from "../clusters/driver";
import { limitRequestBody, trpcBodyLimit } from "../http/limit-request-body";
import { LIST_LIMITS } from "../clusters/driver/list-resources";
import { MAX_PENDING_EVENTS, SyncEmitter } from "../clusters/sync/sync-emitter";
import type { ClusterState } from "../clusters/sync/cluster-state";
import { createEmbedToken } from "../embeds/embed-token";
import { createPrometheusClient } from "../metrics/prometheus-client";
import { serveEmbedSvg } from "../services/embeds/serve-embed-svg";
import { getOverviewCharts } from "../services/metrics/get-overview-charts";
import { createTestDb, type TestDb } from "../test/test-db";
import { createTeamFixture, type TeamFixture } from "../test/fixtures";

let db: TestDb;
let team: TeamFixture;
const servers: http.Server[] = [];
const serve = async (handler: http.RequestListener) => {
  const s = http.createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};
beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "bounded");
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await db?.close();
});

const trpcRequest = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://tern.test/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://tern.test", host: "tern.test", ...headers },
    body,
    duplex: "half",
  } as RequestInit);

describe("request bodies", () => {
  it("refuses a tRPC body over 1 MiB with 413 before parsing it, declared or streamed", async () => {
    const big = JSON.stringify({ json: { kubeconfig: "x".repeat(2 * 1024 * 1024) } });
    const declared = await trpcPost(trpcRequest("cluster.inspectKubeconfig", big));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(/larger than 1 MiB/);

    // Chunked, no Content-Length: read only up to the cap, then refused.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > 64 * 1024 * 1024) return c.close();
        sent += 256 * 1024;
        c.enqueue(new Uint8Array(256 * 1024).fill(32));
      },
    });
    const chunked = await trpcPost(trpcRequest("cluster.inspectKubeconfig", stream));
    expect(chunked.status).toBe(413);
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it("gives the CSV import its 3 MiB (a 2 MiB CSV plus JSON escaping), and a batch the largest of its calls", async () => {
    const MiB = 1024 * 1024;
    expect(trpcBodyLimit("http://tern.test/api/trpc/cluster.import")).toBe(MiB);
    expect(trpcBodyLimit("http://tern.test/api/trpc/gpuPrice.importCsv")).toBe(3 * MiB);
    expect(trpcBodyLimit("http://tern.test/api/trpc/cluster.list,gpuPrice.importCsv?batch=1")).toBe(3 * MiB);
    const csv = JSON.stringify({ csv: "x".repeat(1536 * 1024) });
    const r = await limitRequestBody(trpcRequest("gpuPrice.importCsv", csv), 3 * MiB);
    expect(r.ok && (await r.req.text()).length).toBe(csv.length);
  });
});

describe("a hostile cluster", () => {
  it("cannot page a list forever", async () => {
    let pages = 0;
    const url = await serve((req, res) => {
      pages++;
      // Every page says there is more.
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          kind: "NodeList",
          apiVersion: "v1",
          metadata: { resourceVersion: "1", continue: `p${pages}` },
          items: [],
        }),
      );
    });
    const driver = connectCluster({
      apiServer: url,
      credentials: { token: "t", insecureSkipTlsVerify: true },
      timeoutMs: 5_000,
    });
    await expect(driver.listNodes()).rejects.toThrow(`went on for more than ${LIST_LIMITS.maxPages} pages`);
    expect(pages).toBe(LIST_LIMITS.maxPages);
  });

  it("cannot make Tern read an endless Prometheus answer", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "0".repeat(1024 * 1024);
      let n = 0;
      const write = () => {
        while (n++ < 64) if (!res.write(chunk)) return void res.once("drain", write);
        res.end();
      };
      write();
    });
    const r = await createPrometheusClient({ baseUrl: url, maxResponseBytes: 2 * 1024 * 1024 }).query("up");
    expect(r).toMatchObject({ ok: false, error: { kind: "server_error" } });
    expect(JSON.stringify(r)).toMatch(/sent more than 2 MiB for one query/);
  });

  it("cannot grow the sync's pending events without bound while the database is slow", () => {
    const state = {} as ClusterState;
    const emitter = new SyncEmitter(state, { clusterId: "c1", coalesceMs: 60_000 } as never, () => Promise.resolve());
    const event = {
      uid: "u",
      reason: "Flood",
      message: "m",
      type: "Warning",
      at: new Date().toISOString(),
      count: 1,
      involvedObject: { kind: "Pod", name: "p", namespace: "n" },
      resourceVersion: "1",
    };
    for (let i = 0; i < 50; i++)
      emitter.note({
        deployments: new Set(),
        gone: [],
        capacity: false,
        newEvents: Array.from({ length: 1_000 }, () => event),
      } as never);
    expect(emitter.pending().events).toBe(MAX_PENDING_EVENTS);
    void emitter.stop();
  });
});

describe("fan-out and caches", () => {
  it("the overview answers by its deadline even when every Prometheus hangs", async () => {
    const hung = await serve(() => undefined); // never answers
    await db.prisma.cluster.update({ where: { id: team.clusterId }, data: { prometheusUrl: `${hung}/` } });
    const started = Date.now();
    const o = await getOverviewCharts({
      prisma: db.prisma,
      teamId: team.teamId,
      userId: team.users.VIEWER.id,
      input: { range: "1h" },
      prometheus: { timeoutMs: 60_000 },
      deadlineMs: 1_000,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(o.errors.some((e) => /stopped waiting for Prometheus after 1 s/.test(e.message))).toBe(true);
    await db.prisma.cluster.update({ where: { id: team.clusterId }, data: { prometheusUrl: null } });
  });

  it("varying ?w= on an embed image does not bypass the series cache", async () => {
    let queries = 0;
    const fetchFn: typeof fetch = () => {
      queries++;
      return Promise.resolve(Response.json({ status: "success", data: { resultType: "matrix", result: [] } }));
    };
    const { token, hash } = createEmbedToken();
    await db.prisma.embedLink.create({
      data: {
        teamId: team.teamId,
        deploymentId: team.deploymentId,
        metric: "requests",
        rangeMinutes: 60,
        live: true,
        title: "t",
        tokenHash: hash,
        createdById: team.users.OPERATOR.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const now = new Date();
    for (let w = 200; w <= 2000; w += 7) {
      const res = await serveEmbedSvg({
        prisma: db.prisma,
        token,
        request: new Request(`http://tern.test/api/embed/${token}/svg?w=${w}`),
        now,
        prometheus: { defaultUrl: "http://prom.test:9090", fetch: fetchFn },
      });
      expect(res.status).toBe(200);
    }
    // 258 widths, before the fix one Prometheus query each; now one per series size.
    expect(queries).toBeLessThanOrEqual(4);
  });
});
