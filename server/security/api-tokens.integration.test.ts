// API tokens through the real tRPC route: scopes per procedure, never above the user's role, expiry and
// revocation, the token's own team only, last use and the audit trail, and no confusion with embed tokens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDb } from "../test/test-db";
import { createTeamFixture, type TeamFixture } from "../test/fixtures";
import { mintApiToken as newApiToken, isWellFormedApiToken } from "../auth/api-token";
import { createEmbedToken, isWellFormedToken } from "../embeds/embed-token";
import { createApiToken } from "../services/api-tokens/create-api-token";
import { listApiTokens } from "../services/api-tokens/list-api-tokens";
import { revokeApiToken } from "../services/api-tokens/revoke-api-token";
import type { ApiScope, Role } from "../domain/values";
import { ORIGIN, startHarness, trpcHttp } from "../test/http-harness";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;

beforeAll(async () => {
  db = await startHarness();
  a = await createTeamFixture(db.prisma, "tok-alpha");
  b = await createTeamFixture(db.prisma, "tok-beta");
});
afterAll(async () => db?.close());

async function tokenFor(team: TeamFixture, role: Role, scopes: ApiScope[], expiresInDays = 7) {
  const made = await createApiToken({
    prisma: db.prisma,
    teamId: team.teamId,
    userId: team.users[role].id,
    role,
    input: { name: `${role} ${scopes.join("+")} ${Math.random()}`, scopes, expiresInDays },
  });
  return made.token;
}

const bearer = (token: string) => ({ extraHeaders: { authorization: `Bearer ${token}` } });
const message = (body: unknown) => JSON.stringify(body);

describe("API tokens", () => {
  it("are told apart from embed tokens in both directions", () => {
    const api = newApiToken().token;
    const embed = createEmbedToken().token;
    expect(isWellFormedApiToken(api)).toBe(true);
    expect(isWellFormedToken(api)).toBe(false);
    expect(isWellFormedApiToken(embed)).toBe(false);
  });

  it("read with READ, and change only with the scope the procedure needs", async () => {
    const read = await tokenFor(a, "OPERATOR", []);
    const list = await trpcHttp("model.list", {}, bearer(read));
    expect(list.status).toBe(200);
    expect(list.text).toContain("tok-alpha");

    const refused = await trpcHttp(
      "model.create",
      { name: "by-token", task: "ranking", framework: "onnx" },
      { ...bearer(read), mutation: true },
    );
    expect(refused.status).toBe(403);
    expect(message(refused.body)).toMatch(/lacks the DEPLOY scope that model\.create needs/);
    expect(await db.prisma.model.count({ where: { name: "by-token" } })).toBe(0);

    const deploy = await tokenFor(a, "OPERATOR", ["DEPLOY"]);
    const made = await trpcHttp(
      "model.create",
      { name: "by-token", task: "ranking", framework: "onnx" },
      { ...bearer(deploy), mutation: true },
    );
    expect(made.status, made.text).toBe(200);
    expect(await db.prisma.model.count({ where: { teamId: a.teamId, name: "by-token" } })).toBe(1);

    // Migrations need MIGRATE, not DEPLOY.
    const abort = await trpcHttp("migration.abort", { id: a.migrationId }, { ...bearer(deploy), mutation: true });
    expect(abort.status).toBe(403);
    expect(message(abort.body)).toMatch(/lacks the MIGRATE scope/);
    const migrate = await tokenFor(a, "OPERATOR", ["MIGRATE"]);
    const abort2 = await trpcHttp("migration.abort", { id: a.migrationId }, { ...bearer(migrate), mutation: true });
    expect(abort2.status).not.toBe(403);
  });

  it("never exceed the user's role: at creation, and after the user is demoted", async () => {
    await expect(tokenFor(a, "VIEWER", ["DEPLOY"])).rejects.toThrow(
      /scope DEPLOY needs the OPERATOR role and you are VIEWER/,
    );
    await expect(tokenFor(a, "OPERATOR", ["APPROVE"])).rejects.toThrow(/needs the APPROVER role/);
    const t = await tokenFor(b, "OPERATOR", ["DEPLOY"]);
    await db.prisma.membership.updateMany({
      where: { teamId: b.teamId, userId: b.users.OPERATOR.id },
      data: { role: "VIEWER" },
    });
    const res = await trpcHttp(
      "model.create",
      { name: "after-demotion", task: "ranking", framework: "onnx" },
      { ...bearer(t), mutation: true },
    );
    expect(res.status).toBe(403);
    expect(message(res.body)).toMatch(/needs the OPERATOR role/);
    await db.prisma.membership.updateMany({
      where: { teamId: b.teamId, userId: b.users.OPERATOR.id },
      data: { role: "OPERATOR" },
    });
  });

  it("act only in their own team, whatever team the request names", async () => {
    const t = await tokenFor(a, "ADMIN", []);
    const res = await trpcHttp(
      "model.list",
      {},
      { extraHeaders: { authorization: `Bearer ${t}`, "x-tern-team": b.teamId } },
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain("tok-alpha");
    expect(res.text).not.toContain("tok-beta");
    const other = await trpcHttp("model.get", { id: b.modelId }, bearer(t));
    expect(other.status).toBe(404);
  });

  it("cannot manage tokens, and unknown, expired or revoked tokens are refused with a way out", async () => {
    const t = await tokenFor(a, "ADMIN", ["ADMIN"]);
    const mint = await trpcHttp("apiToken.create", { name: "minted", scopes: [] }, { ...bearer(t), mutation: true });
    expect(mint.status).toBe(403);
    expect(message(mint.body)).toMatch(/apiToken\.create cannot be called with an API token/);

    const unknown = await trpcHttp("model.list", {}, bearer(newApiToken().token));
    expect(unknown.status).toBe(401);
    expect(message(unknown.body)).toMatch(/API token is not valid \(unknown, expired or revoked\)/);

    const expiring = await tokenFor(a, "VIEWER", [], 1);
    await db.prisma.apiToken.updateMany({
      where: { name: { startsWith: "VIEWER " }, teamId: a.teamId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await trpcHttp("model.list", {}, bearer(expiring))).status).toBe(401);

    const revoked = await tokenFor(a, "OPERATOR", ["DEPLOY"]);
    const row = await db.prisma.apiToken.findFirstOrThrow({
      where: { teamId: a.teamId },
      orderBy: { createdAt: "desc" },
    });
    expect((await trpcHttp("model.list", {}, bearer(revoked))).status).toBe(200);
    await db.prisma.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    expect((await trpcHttp("model.list", {}, bearer(revoked))).status).toBe(401);
  });

  it("record their last use and appear in the audit log by prefix, never by value", async () => {
    const t = await tokenFor(a, "OPERATOR", ["DEPLOY"]);
    const res = await trpcHttp(
      "model.create",
      { name: "audited-by-token", task: "ranking", framework: "onnx" },
      { ...bearer(t), mutation: true, peer: "203.0.113.50" },
    );
    expect(res.status).toBe(200);
    const row = await db.prisma.apiToken.findFirstOrThrow({ where: { prefix: t.slice(0, 13) } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedIp).toBe("203.0.113.50");
    expect(row.tokenHash).not.toContain(t.slice(9));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "model.create", outcome: "SUCCESS", actorId: a.users.OPERATOR.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({ via: `API token ${t.slice(0, 13)}…` });
    const leak = await db.prisma.auditEvent.findFirst({ where: { details: { string_contains: t.slice(9) } } });
    expect(leak).toBeNull();
  });

  it("are exempt from the browser's CSRF rule (no Origin), which still holds for cookies", async () => {
    const { POST } = await import("../../app/api/trpc/[trpc]/route");
    const t = await tokenFor(a, "OPERATOR", ["DEPLOY"]);
    const send = (auth: Record<string, string>) =>
      POST(
        new Request(`${ORIGIN}/api/trpc/model.create`, {
          method: "POST",
          headers: { "content-type": "application/json", host: "localhost:3000", ...auth },
          body: JSON.stringify({
            json: { name: `csrf-${Object.keys(auth).length}`, task: "ranking", framework: "onnx" },
          }),
        }),
      );
    expect((await send({ authorization: `Bearer ${t}` })).status).toBe(200);
    const cookieOnly = await send({ cookie: "better-auth.session_token=x" });
    expect(cookieOnly.status).toBe(403);
    expect(await cookieOnly.text()).toMatch(/no Origin header/);
  });

  it("list the caller's own tokens (an admin sees every member's) and only the owner or an admin revokes one", async () => {
    await tokenFor(b, "OPERATOR", ["DEPLOY"]);
    await tokenFor(b, "VIEWER", []);
    const scope = (role: Role) => ({ prisma: db.prisma, teamId: b.teamId, userId: b.users[role].id, role });
    const mine = await listApiTokens(scope("VIEWER"));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.user.id === b.users.VIEWER.id)).toBe(true);
    const all = await listApiTokens(scope("ADMIN"));
    expect(new Set(all.map((t) => t.user.id))).toEqual(
      new Set([b.users.ADMIN.id, b.users.OPERATOR.id, b.users.VIEWER.id]),
    );
    expect(JSON.stringify(all)).not.toMatch(/tokenHash|tern_pat_[A-Za-z0-9_-]{20,}/);
    const operators = all.find((t) => t.user.id === b.users.OPERATOR.id)!;
    await expect(revokeApiToken({ ...scope("VIEWER"), id: operators.id })).rejects.toThrow(/not found/i);
    expect((await revokeApiToken({ ...scope("ADMIN"), id: operators.id })).revokedAt).toBeInstanceOf(Date);
  });
});
