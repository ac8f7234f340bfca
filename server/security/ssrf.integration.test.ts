// Issue 9 item 3: cluster API and Prometheus URLs must never reach cloud metadata services, whoever confirms
// what, however the address is spelled, whatever DNS answers later, and through no redirect.
import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectCluster } from "../clusters/driver";
import { createPrometheusClient } from "../metrics/prometheus-client";
import { refusedHostReason } from "../net/refused-address";
import { createTestDb, type TestDb } from "../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../test/fixtures";

let db: TestDb;
let team: TeamFixture;
let redirector: http.Server;
let target: http.Server;
let targetHits = 0;
let redirectUrl = "";
let leakyUrl = "";

const listen = async (s: http.Server) => {
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "ssrf");
  target = http.createServer((_req, res) => {
    targetHits++;
    res
      .writeHead(200, { "content-type": "application/json" })
      .end('{"status":"success","data":{"resultType":"vector","result":[]}}');
  });
  const targetUrl = await listen(target);
  redirector = http.createServer((req, res) => {
    if (req.url?.startsWith("/leak")) {
      // A non-Prometheus service whose error body holds a secret.
      res
        .writeHead(500, { "content-type": "application/json" })
        .end('{"error":"SECRET-aws-key-AKIA123","message":"SECRET-in-body"}');
      return;
    }
    res.writeHead(302, { location: `${targetUrl}${req.url ?? "/"}` }).end();
  });
  redirectUrl = await listen(redirector);
  leakyUrl = `${redirectUrl}/leak`;
});
afterAll(async () => {
  redirector?.close();
  target?.close();
  await db?.close();
});

const METADATA_SPELLINGS = [
  "http://169.254.169.254/latest/meta-data/",
  "http://2852039166/",
  "http://0251.0376.0251.0376/",
  "http://0xa9fea9fe/",
  "http://[::ffff:169.254.169.254]/",
  "http://[fd00:ec2::254]/",
  "http://100.100.100.200/latest/meta-data/",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://METADATA.google.internal./",
  "http://169.254.170.2/v2/credentials",
];

describe("SSRF: refused at input", () => {
  it("an admin who confirms the insecure connection still cannot register a metadata address as a cluster API", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    const before = await db.prisma.cluster.count();
    for (const [i, apiServer] of METADATA_SPELLINGS.entries()) {
      const attempt = admin.cluster.import({
        source: "token",
        cloudId: team.cloudId,
        name: `meta-${i}`,
        region: "us-east-1",
        apiServer,
        token: "t",
        confirmInsecure: true,
      });
      await expect(attempt, apiServer).rejects.toThrow(/cluster API URL is refused: .*(metadata|link-local)/);
    }
    expect(await db.prisma.cluster.count()).toBe(before);
  });

  it("refuses a metadata address as a Prometheus URL, on import and on update; private addresses stay allowed", async () => {
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    for (const prometheusUrl of METADATA_SPELLINGS) {
      await expect(
        admin.cluster.update({ id: team.clusterId, region: "us-east-1", prometheusUrl, residencyTags: [] }),
        prometheusUrl,
      ).rejects.toThrow(/Prometheus URL is refused/);
    }
    const ok = await admin.cluster.update({
      id: team.clusterId,
      region: "us-east-1",
      prometheusUrl: "http://10.0.0.5:9090",
      residencyTags: [],
    });
    expect(ok.prometheusUrl).toBe("http://10.0.0.5:9090");
    const onPrem = await admin.cluster.import({
      source: "token",
      cloudId: team.cloudId,
      name: "onprem",
      region: "us-east-1",
      apiServer: "https://10.1.2.3:6443",
      token: "t",
    });
    expect(onPrem.apiServer).toBe("https://10.1.2.3:6443");
  });

  it("names every metadata spelling as refused", () => {
    for (const u of METADATA_SPELLINGS) expect(refusedHostReason(new URL(u).hostname), u).not.toBeNull();
    for (const h of ["10.0.0.1", "192.168.1.10", "127.0.0.1", "[::1]", "kube.example.com", "100.64.0.1"])
      expect(refusedHostReason(h), h).toBeNull();
  });
});

describe("SSRF: refused at connect time", () => {
  it("refuses a stored metadata IP literal without connecting", async () => {
    const driver = connectCluster({
      apiServer: "http://169.254.169.254",
      credentials: { token: "t" },
      timeoutMs: 5_000,
    });
    const started = Date.now();
    const r = await driver.testConnection();
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/169\.254\.169\.254 is a link-local address.*Tern does not connect to it/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("checks the address DNS gives at connect time (rebinding): a name that now resolves to metadata is refused", async () => {
    const real = dns.lookup.bind(dns);
    const spy = vi.spyOn(dns, "lookup").mockImplementation(((host: string, options: unknown, cb: unknown) => {
      const callback = (typeof options === "function" ? options : cb) as (e: null, a: dns.LookupAddress[]) => void;
      if (host === "rebind.example.test") return callback(null, [{ address: "169.254.169.254", family: 4 }]);
      return (real as (...a: unknown[]) => void)(host, options, cb);
    }) as typeof dns.lookup);
    try {
      const driver = connectCluster({
        apiServer: "https://rebind.example.test:6443",
        credentials: { token: "t" },
        timeoutMs: 5_000,
      });
      const r = await driver.testConnection();
      expect(JSON.stringify(r)).toMatch(
        /rebind\.example\.test resolves to 169\.254\.169\.254.*Tern does not connect to it/,
      );
      const prom = await createPrometheusClient({ baseUrl: "http://rebind.example.test:9090" }).query("up");
      expect(prom.ok).toBe(false);
      expect(JSON.stringify(prom)).toMatch(/resolves to 169\.254\.169\.254/);
    } finally {
      spy.mockRestore();
    }
  });

  it("does not follow redirects (cluster API and Prometheus)", async () => {
    targetHits = 0;
    const r = await connectCluster({
      apiServer: redirectUrl,
      credentials: { token: "t" },
      timeoutMs: 5_000,
    }).testConnection();
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/redirect \(HTTP 302\); Tern does not follow redirects/);
    const prom = await createPrometheusClient({ baseUrl: redirectUrl }).query("up");
    expect(prom).toMatchObject({ ok: false, error: { kind: "unreachable" } });
    expect(JSON.stringify(prom)).toMatch(/redirect \(HTTP 302\)/);
    expect(targetHits).toBe(0);
  });

  it("never echoes a remote body in an error", async () => {
    const prom = await createPrometheusClient({ baseUrl: leakyUrl }).query("up");
    expect(prom.ok).toBe(false);
    expect(JSON.stringify(prom)).not.toContain("SECRET");
    const r = await connectCluster({
      apiServer: leakyUrl,
      credentials: { token: "t" },
      timeoutMs: 5_000,
    }).testConnection();
    expect(JSON.stringify(r)).not.toContain("SECRET");
  });
});
