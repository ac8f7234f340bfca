// Deny by default: every procedure declares who may call it, and every refusal has no side effects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Role } from "../generated/prisma/enums";
import { appRouter } from "./root";
import type { Access } from "./trpc";
import { ROLES, roleAtLeast } from "../auth/roles";
import { createTestDb, type TestDb } from "../test/test-db";
import { callerAs, createTeamFixture, domainSnapshot, type TeamFixture } from "../test/fixtures";
import { tokenKubeconfig } from "../test/kubeconfig-fixtures";

type Ids = TeamFixture;
/** A valid input for every procedure; `other` holds another team's object ids. */
const SAMPLE_INPUTS: Record<string, (other: Ids) => unknown> = {
  "me.session": () => undefined,
  "overview.summary": () => undefined,
  "overview.status": () => undefined,
  "overview.savings": () => undefined,
  "me.setLocale": () => ({ locale: "zh-CN" }),
  "me.setTeam": (o) => ({ teamId: o.teamId }),
  "invite.preview": () => ({ token: "A".repeat(43) }),
  "invite.accept": () => ({ token: "A".repeat(43) }),
  "team.create": () => ({ name: "Another team" }),
  "team.members": () => undefined,
  "team.exportDocument": () => undefined,
  "team.applyDocument": () => ({ document: { apiVersion: "tern/v1", kind: "Team" }, dryRun: true }),
  "team.invite": () => ({ email: "someone@example.com", role: "VIEWER" }),
  "team.revokeInvite": (o) => ({ id: o.inviteId }),
  "team.setRole": (o) => ({ userId: o.users.VIEWER.id, role: "ADMIN" }),
  "team.removeMember": (o) => ({ userId: o.users.VIEWER.id }),
  "cloud.list": () => ({}),
  "cloud.create": () => ({ provider: "GCP", name: "new-cloud" }),
  "cloud.update": (o) => ({ id: o.cloudId, name: "renamed" }),
  "cloud.delete": (o) => ({ id: o.cloudId }),
  "cluster.list": () => ({}),
  "cluster.get": (o) => ({ id: o.clusterId }),
  "cluster.inspectKubeconfig": () => ({ kubeconfig: tokenKubeconfig({ server: "https://127.0.0.1:6443" }) }),
  "cluster.import": (o) => ({
    source: "kubeconfig",
    cloudId: o.cloudId,
    name: "imported",
    region: "us-east-1",
    kubeconfig: tokenKubeconfig({ server: "https://127.0.0.1:6443" }),
    context: "sim-aws-us-east-1",
  }),
  "cluster.update": (o) => ({ id: o.clusterId, region: "eu-west-1", residencyTags: ["eu"] }),
  "cluster.delete": (o) => ({ id: o.clusterId }),
  "cluster.testConnection": (o) => ({ id: o.clusterId }),
  "gpuPrice.list": () => ({}),
  "gpuPrice.exportCsv": () => undefined,
  "gpuPrice.create": () => ({
    provider: "AWS",
    region: "us-west-2",
    gpuType: "A10G",
    pricePerHour: 1,
    source: "t",
    effectiveDate: "2026-02-01",
  }),
  "gpuPrice.update": (o) => ({
    id: o.gpuPriceId,
    provider: "AWS",
    region: "us-east-1",
    gpuType: "H100",
    pricePerHour: 9,
    source: "t",
    effectiveDate: "2026-01-01",
  }),
  "gpuPrice.delete": (o) => ({ id: o.gpuPriceId }),
  "gpuPrice.importCsv": () => ({
    csv: "provider,region,gpuType,pricePerHour,currency,source,effectiveDate\nAWS,us-east-1,L4,0.8,USD,t,2026-03-01\n",
  }),
  "model.list": () => ({}),
  "model.get": (o) => ({ id: o.modelId }),
  "model.create": () => ({ name: "new-model", task: "ranking", framework: "onnx" }),
  "model.createVersion": (o) => ({
    modelId: o.modelId,
    version: "9.9.9",
    format: "ONNX",
    artifactUri: "s3://bucket/m.onnx",
    sha256: "a".repeat(64),
    sizeBytes: 10,
    runtimeImage: "ghcr.io/x/y:1",
    goldenSet: [{ input: [1], expected: [1] }],
  }),
  "model.delete": (o) => ({ id: o.modelId }),
  "deployment.list": () => ({}),
  "deployment.get": (o) => ({ id: o.deploymentId }),
  "deployment.options": () => undefined,
  "deployment.logs": (o) => ({ id: o.deploymentId, tailLines: 50 }),
  "deployment.preflight": (o) => ({
    clusterId: o.clusterId,
    modelVersionId: o.versionId,
    gpuType: "H100",
    gpusPerReplica: 1,
    replicas: 1,
  }),
  "deployment.create": (o) => ({
    clusterId: o.clusterId,
    modelVersionId: o.versionId,
    gpuType: "H100",
    gpusPerReplica: 1,
    replicas: 1,
    namespace: "models",
    name: "new-deploy",
    minReplicas: 1,
    maxReplicas: 2,
    latencySloMs: 100,
  }),
  "deployment.scale": (o) => ({ id: o.deploymentId, replicas: 2 }),
  "deployment.delete": (o) => ({ id: o.deploymentId }),
  "audit.list": () => ({}),
  "embed.create": (o) => ({
    deploymentId: o.deploymentId,
    metric: "latency",
    rangeMinutes: 60,
    live: true,
    expiresInDays: 30,
  }),
  "embed.list": () => ({}),
  "embed.revoke": (o) => ({ id: o.embedLinkId }),
  "embed.origins": () => undefined,
  "apiToken.create": () => ({ name: "ci", scopes: [], expiresInDays: 7 }),
  "apiToken.list": () => undefined,
  "apiToken.revoke": (o) => ({ id: o.apiTokenId }),
  "embed.setOrigins": () => ({ origins: ["https://wiki.example.com"] }),
  "metrics.deploymentCharts": (o) => ({ id: o.deploymentId, range: "1h" }),
  "metrics.clusterCharts": (o) => ({ id: o.clusterId, range: "1h" }),
  "metrics.overview": () => ({ range: "1h" }),
  "migration.targets": (o) => ({ deploymentId: o.deploymentId }),
  "migration.preview": (o) => ({ deploymentId: o.deploymentId, targetClusterId: o.clusterId }),
  "migration.request": (o) => ({ deploymentId: o.deploymentId, targetClusterId: o.clusterId }),
  "migration.list": () => ({}),
  "migration.get": (o) => ({ id: o.migrationId }),
  "migration.abort": (o) => ({ id: o.migrationId }),
  "migration.retry": (o) => ({ id: o.migrationId }),
  "migration.breakGlass": (o) => ({ id: o.migrationId, reason: "the source cluster is down" }),
  "approval.inbox": () => undefined,
  "approval.count": () => undefined,
  "approval.approve": (o) => ({ migrationId: o.migrationId, planHash: "0".repeat(64) }),
  "approval.reject": (o) => ({ migrationId: o.migrationId, planHash: "0".repeat(64), reason: "not now" }),
  "approval.policy": () => undefined,
  "cloud.setStore": (o) => ({
    id: o.cloudId,
    endpoint: "https://s3.us-east-1.amazonaws.com",
    bucket: "tern-models",
    region: "us-east-1",
    accessKeyId: "AKIA1",
    secretAccessKey: "s3cret",
  }),
  "cloud.clearStore": (o) => ({ id: o.cloudId }),
  "notification.list": () => undefined,
  "alert.list": () => ({}),
  "alert.silence": (o) => ({ id: o.alertId, minutes: 30 }),
  "notification.markRead": () => undefined,
  "settings.webhook": () => undefined,
  "settings.saveWebhook": () => ({ url: "https://hooks.example.com/tern", secret: "0123456789abcdef0123" }),
  "settings.deleteWebhook": () => undefined,
  "settings.testWebhook": () => undefined,
  "recommendations.solve": () => ({}),
  "recommendations.failoverProposals": () => undefined,
  "recommendations.requestMoves": (o) => ({
    moves: [{ deploymentId: o.deploymentId, targetClusterId: o.clusterId, targetGpuType: "A100" }],
  }),
  "settings.gpuEquivalence": () => undefined,
  "settings.saveGpuEquivalence": () => ({ gpuType: "L4", throughput: 0.4 }),
  "approval.savePolicy": () => ({
    requiredApprovals: 2,
    elevatedApprovals: 3,
    costIncreasePercent: 10,
    elevateCrossResidency: true,
    minRole: "APPROVER",
    requestTtlHours: 24,
    approvalTtlHours: 12,
  }),
};

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: { access?: Access }; type: string; inputs: unknown[] } }
  >,
);

/** The required keys of a zod object schema (optional list filters are not ids), through unions and pipes. */
function inputKeys(schema: unknown): string[] {
  if (!schema || typeof schema !== "object") return [];
  const s = schema as {
    shape?: Record<string, { safeParse(v: unknown): { success: boolean } }>;
    options?: unknown[];
    def?: { innerType?: unknown; in?: unknown };
  };
  if (s.shape)
    return Object.entries(s.shape)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([k]) => k);
  if (s.options) return s.options.flatMap(inputKeys);
  if (s.def?.innerType) return inputKeys(s.def.innerType);
  if (s.def?.in) return inputKeys(s.def.in);
  return [];
}

/**
 * Procedures that take another object's id (an `id` or `…Id` field in their input schema): called with
 * the other team's ids they must say NOT_FOUND. Derived from the schemas, so a new procedure is covered.
 */
const TAKES_OBJECT_ID = procedures
  .filter(
    ([, proc]) =>
      proc._def.meta?.access !== "public" &&
      proc._def.inputs.some((i) => inputKeys(i).some((k) => k === "id" || k.endsWith("Id"))),
  )
  .map(([path]) => path);

async function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `NON_TRPC:${String(e)}`;
  }
}

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;

beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "alpha");
  b = await createTeamFixture(db.prisma, "beta");
});
afterAll(async () => db?.close());

describe("access rules", () => {
  it("every procedure declares its access rule and has a sample input in this test", () => {
    expect(procedures.length).toBeGreaterThan(20);
    for (const [path, proc] of procedures) {
      expect(proc._def.meta?.access, `${path} declares no access rule`).toBeDefined();
      expect(SAMPLE_INPUTS[path], `${path} has no sample input in the access matrix`).toBeDefined();
    }
  });

  it("refuses anonymous callers with UNAUTHORIZED and changes nothing", async () => {
    const anon = await callerAs(db.prisma, null);
    for (const [path, proc] of procedures) {
      if (proc._def.meta?.access === "public") continue;
      const before = await domainSnapshot(db.prisma);
      expect(await codeOf(call(anon, path, SAMPLE_INPUTS[path]!(a))), path).toBe("UNAUTHORIZED");
      expect(await domainSnapshot(db.prisma), `${path} changed data when refused`).toBe(before);
    }
  });

  it("refuses roles below the declared one with FORBIDDEN and changes nothing", async () => {
    for (const [path, proc] of procedures) {
      const access = proc._def.meta?.access;
      if (access === "public" || access === "signedIn") continue;
      for (const role of ROLES.filter((r) => !roleAtLeast(r, access as Role))) {
        const caller = await callerAs(db.prisma, a.users[role], a.teamId);
        const before = await domainSnapshot(db.prisma);
        expect(await codeOf(call(caller, path, SAMPLE_INPUTS[path]!(a))), `${path} as ${role}`).toBe("FORBIDDEN");
        expect(await domainSnapshot(db.prisma), `${path} as ${role} changed data`).toBe(before);
      }
    }
  });

  it("derives the procedures that take an object id from their input schemas", () => {
    for (const path of [
      "team.revokeInvite",
      "team.setRole",
      "cluster.get",
      "cluster.import",
      "deployment.create",
      "embed.create",
      "me.setTeam",
    ]) {
      expect(TAKES_OBJECT_ID, path).toContain(path);
    }
    for (const path of ["team.invite", "cloud.create", "invite.accept", "me.setLocale"])
      expect(TAKES_OBJECT_ID, path).not.toContain(path);
  });

  it("answers NOT_FOUND for another team's objects, even to that team's id in the team header", async () => {
    for (const path of TAKES_OBJECT_ID) {
      const proc = (appRouter._def.procedures as unknown as Record<string, unknown>)[path] as {
        _def: { meta?: { access?: Access } };
      };
      const declared = proc._def.meta?.access;
      const access: Role =
        declared === "signedIn" || declared === undefined || declared === "public" ? "VIEWER" : declared;
      // An admin of team alpha who asks to act in team beta (not a member) still acts in alpha.
      const caller = await callerAs(db.prisma, a.users[access === "ADMIN" ? "ADMIN" : access], b.teamId);
      const before = await domainSnapshot(db.prisma);
      expect(await codeOf(call(caller, path, SAMPLE_INPUTS[path]!(b))), path).toBe("NOT_FOUND");
      expect(await domainSnapshot(db.prisma), `${path} changed data across teams`).toBe(before);
    }
  });

  it("audits refused calls", async () => {
    // Signed-in refusals are one row each; anonymous ones are counted per address and window.
    const signedIn = await db.prisma.auditEvent.count({ where: { outcome: "DENIED", actorId: { not: null } } });
    const anonymous = await db.prisma.auditEvent.findMany({
      where: { action: "anonymous.refused" },
      select: { details: true },
    });
    const anonymousCount = anonymous.reduce((n, r) => n + Number((r.details as { count?: number }).count ?? 0), 0);
    expect(anonymous.length).toBeLessThanOrEqual(2);
    expect(anonymousCount).toBeGreaterThan(procedures.length - 5);
    expect(signedIn).toBeGreaterThan(20);
    const anyLeak = await db.prisma.auditEvent.findFirst({ where: { details: { string_contains: "fixture-token" } } });
    expect(anyLeak).toBeNull();
  });
});
