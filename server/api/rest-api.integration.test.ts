// The REST API (/api/v1) through its route handler: the OpenAPI document, and the same access rules, team
// scoping, scopes and error shape as tRPC for every published operation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../test/test-db";
import { createTeamFixture, type TeamFixture } from "../test/fixtures";
import { createApiToken } from "../services/api-tokens/create-api-token";
import { ORIGIN, startHarness } from "../test/http-harness";
import type { ApiScope, Role } from "../domain/values";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;
beforeAll(async () => {
  db = await startHarness();
  a = await createTeamFixture(db.prisma, "rest-alpha");
  b = await createTeamFixture(db.prisma, "rest-beta");
});
afterAll(async () => db?.close());

async function token(role: Role, scopes: ApiScope[], team = a) {
  const made = await createApiToken({
    prisma: db.prisma,
    teamId: team.teamId,
    userId: team.users[role].id,
    role,
    input: { name: `rest ${role} ${scopes.join("+")} ${Math.random()}`, scopes, expiresInDays: 1 },
  });
  return made.token;
}

async function api(method: string, path: string, opts: { token?: string; body?: unknown; origin?: string } = {}) {
  const route = await import("../../app/api/v1/[...path]/route");
  const headers = new Headers({ host: "localhost:3000" });
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  if (opts.origin) headers.set("origin", opts.origin);
  if (opts.body !== undefined) headers.set("content-type", "application/json");
  const res = await (route as unknown as Record<string, (r: Request) => Promise<Response>>)[method]!(
    new Request(`${ORIGIN}/api/v1${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
  );
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null, text };
}

type Doc = { openapi: string; paths: Record<string, Record<string, { summary?: string; security?: unknown[] }>> };

describe("REST API", () => {
  it("serves an OpenAPI 3.1 document with every published operation, behind bearer auth", async () => {
    const { GET } = await import("../../app/api/v1/openapi.json/route");
    const doc = (await GET().json()) as Doc;
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/deployments",
        "/deployments/{id}/scale",
        "/migrations",
        "/approvals/{migrationId}/approve",
      ]),
    );
    expect(doc.paths["/deployments"]!.get!.summary).toBe("List the team's deployments");
    expect(doc.paths["/deployments"]!.get!.security).toEqual([{ bearer: [] }]);
  });

  it("lists, reads and scales with a token, in the token's team only", async () => {
    const read = await token("OPERATOR", []);
    const list = await api("GET", "/deployments?pageSize=5", { token: read });
    expect(list.status, list.text).toBe(200);
    expect((list.json!.items as { id: string }[]).map((d) => d.id)).toEqual([a.deploymentId]);
    expect((await api("GET", `/deployments/${a.deploymentId}`, { token: read })).status).toBe(200);
    const other = await api("GET", `/deployments/${b.deploymentId}`, { token: read });
    expect(other.status).toBe(404);
    expect(other.json).toMatchObject({ code: "NOT_FOUND" });

    const refused = await api("POST", `/deployments/${a.deploymentId}/scale`, { token: read, body: { replicas: 3 } });
    expect(refused.status).toBe(403);
    expect(refused.json!.message).toMatch(/lacks the DEPLOY scope/);
    const deploy = await token("OPERATOR", ["DEPLOY"]);
    const scaled = await api("POST", `/deployments/${a.deploymentId}/scale`, { token: deploy, body: { replicas: 3 } });
    expect(scaled.status, scaled.text).toBe(200);
    expect(scaled.json).toMatchObject({ id: a.deploymentId, replicas: 3 });
    const row = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "deployment.scale", outcome: "SUCCESS" },
      orderBy: { createdAt: "desc" },
    });
    expect((row.details as { via?: string }).via).toMatch(/^API token tern_pat_/);
  });

  it("refuses a cookie-style change from another site before anything runs", async () => {
    const res = await api("POST", `/deployments/${a.deploymentId}/scale`, {
      body: { replicas: 2 },
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
    expect(res.json!.message).toMatch(/not accepted/);
  });

  it("answers bad input with the field and how to fix it, and changes nothing", async () => {
    const deploy = await token("OPERATOR", ["DEPLOY"]);
    const bad = await api("POST", `/deployments/${a.deploymentId}/scale`, { token: deploy, body: { replicas: 9999 } });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/at most 256 replicas/);
    const d = await db.prisma.deployment.findUniqueOrThrow({ where: { id: a.deploymentId } });
    expect(d.replicas).not.toBe(9999);
  });

  it("refuses every published operation without credentials (401) and below its role (403), changing nothing", async () => {
    const { GET } = await import("../../app/api/v1/openapi.json/route");
    const doc = (await GET().json()) as Doc;
    const viewer = await token("VIEWER", []);
    const before = await db.prisma.auditEvent.count({ where: { outcome: "SUCCESS" } });
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const concrete = path.replace(/\{[^}]+\}/g, a.migrationId);
        const body = method === "get" || method === "delete" ? undefined : {};
        // From Tern's own origin, so the browser's CSRF rule passes and authentication is what refuses.
        const anon = await api(method.toUpperCase(), concrete, { body, origin: ORIGIN });
        expect(anon.status, `${method} ${path} anonymous`).toBe(401);
        if (method !== "get") {
          const low = await api(method.toUpperCase(), concrete, { token: viewer, body });
          expect([400, 403], `${method} ${path} as a viewer: ${low.text}`).toContain(low.status);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(12);
    expect(await db.prisma.auditEvent.count({ where: { outcome: "SUCCESS" } })).toBe(before);
  });

  it("answers /status with who the token acts as, and the team document without credentials", async () => {
    const read = await token("OPERATOR", []);
    const status = await api("GET", "/status", { token: read });
    expect(status.status, status.text).toBe(200);
    expect(status.json).toMatchObject({
      user: { email: a.users.OPERATOR.email },
      team: { role: "OPERATOR" },
      token: { scopes: ["READ"] },
      counts: { clusters: 1, deployments: 1 },
    });
    const exported = await api("GET", "/team/export", { token: read });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.json).toMatchObject({ apiVersion: "tern/v1", kind: "Team" });
    expect((exported.json!.clusters as { name: string }[]).map((c) => c.name)).toEqual(["c-rest-alpha"]);
    expect(exported.text).not.toMatch(/credentialsCipher|apiServer|v1:x/);
    expect(exported.text).not.toContain("rest-beta");
  });

  it("applies a team document only with the DEPLOY scope, audited; a dry run writes nothing", async () => {
    const read = await token("OPERATOR", []);
    const doc = (await api("GET", "/team/export", { token: read })).json!;
    const cloud = { name: "added-by-apply", provider: "GCP" };
    const body = { document: { ...doc, clouds: [...(doc.clouds as object[]), cloud] } };
    const refused = await api("POST", "/team/apply", { token: read, body });
    expect(refused.status).toBe(403);
    expect(refused.json!.message).toMatch(/lacks the DEPLOY scope that team.applyDocument needs/);

    const deploy = await token("OPERATOR", ["DEPLOY"]);
    const dry = await api("POST", "/team/apply", { token: deploy, body: { ...body, dryRun: true } });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({ dryRun: true, changes: [{ action: "create", kind: "cloud", name: cloud.name }] });
    expect(await db.prisma.cloud.count({ where: { name: cloud.name } })).toBe(0);

    const applied = await api("POST", "/team/apply", { token: deploy, body });
    expect(applied.status, applied.text).toBe(200);
    expect(await db.prisma.cloud.count({ where: { teamId: a.teamId, name: cloud.name } })).toBe(1);
    const row = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "team.applyDocument", outcome: "SUCCESS" },
      orderBy: { createdAt: "desc" },
    });
    expect((row.details as { via?: string }).via).toMatch(/^API token tern_pat_/);
    const again = await api("POST", "/team/apply", { token: deploy, body });
    expect(again.json).toMatchObject({ changes: [] });

    // A document naming a cluster Tern lacks changes nothing and says how to add it.
    const cluster = { name: "new-gpu", cloud: cloud.name, region: "us-east-1", prometheusUrl: null, residencyTags: [] };
    const bad = await api("POST", "/team/apply", {
      token: deploy,
      body: { document: { ...body.document, clouds: [], clusters: [...(doc.clusters as object[]), cluster] } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json!.message).toMatch(/cluster 'new-gpu' is not in Tern.*import its kubeconfig first/);
  });
});
