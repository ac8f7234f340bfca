// The migrated database against schema.prisma: every model and field round-trips through the
// generated client, on PGlite or (TEST_DATABASE_URL) a PostgreSQL server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/test/test-db.ts";
import { Prisma } from "@/server/generated/prisma/client.ts";

describe("the migrated schema matches schema.prisma", () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it("stores and reads back every model with every field", async () => {
    const { prisma } = db;
    // Explicit timestamps with milliseconds: TIMESTAMP(3) must keep them.
    const at = new Date("2026-01-02T03:04:05.678Z");
    const later = new Date("2026-02-03T04:05:06.789Z");
    const stamps = { createdAt: at, updatedAt: later };

    const team = await prisma.team.create({ data: { name: "Research", slug: "research", createdAt: at } });
    const user = await prisma.user.create({
      data: {
        name: "Ada",
        email: "ada@example.com",
        emailVerified: true,
        image: "https://i/a.png",
        locale: "de",
        ...stamps,
      },
    });
    const membership = await prisma.membership.create({
      data: { teamId: team.id, userId: user.id, role: "ADMIN", createdAt: at },
    });
    const invite = await prisma.invite.create({
      data: { teamId: team.id, email: "bob@example.com", role: "APPROVER", createdAt: at },
    });
    const session = await prisma.session.create({
      data: { token: "tok", userId: user.id, expiresAt: later, ipAddress: "10.0.0.1", userAgent: "vitest", ...stamps },
    });
    const account = await prisma.account.create({
      data: {
        ...{ userId: user.id, accountId: "acc", providerId: "credential", accessToken: "a", refreshToken: "r" },
        ...{ idToken: "i", accessTokenExpiresAt: later, refreshTokenExpiresAt: later, scope: "openid" },
        ...{ password: "hash", ...stamps },
      },
    });
    const verification = await prisma.verification.create({
      data: { identifier: "ada@example.com", value: "v", expiresAt: later, ...stamps },
    });
    const cloud = await prisma.cloud.create({
      data: { teamId: team.id, provider: "ALIYUN", name: "aliyun-prod", createdAt: at },
    });
    const cluster = await prisma.cluster.create({
      data: {
        ...{ teamId: team.id, cloudId: cloud.id, name: "gpu-1", region: "cn-hangzhou", apiServer: "https://k8s:6443" },
        ...{ credentialsCipher: "v1.cipher", insecureTls: true, insecureConfirmed: true, prometheusUrl: "http://p" },
        ...{ residencyTags: ["cn", "pii-ok"], gpuCapacity: { A100: 8, nested: { H100: [1, 2] } }, health: "DEGRADED" },
        ...{ healthMessage: "1 node not ready", lastSeenAt: later, ...stamps },
      },
    });
    const gpuPrice = await prisma.gpuPrice.create({
      data: {
        ...{ teamId: team.id, provider: "AWS", region: "us-east-1", gpuType: "A100", currency: "EUR", source: "list" },
        ...{ pricePerHour: new Prisma.Decimal("32.7726"), effectiveDate: new Date("2026-03-01"), createdAt: at },
      },
    });
    const model = await prisma.model.create({
      data: { teamId: team.id, name: "ranker", task: "ranking", framework: "pytorch", description: "d", createdAt: at },
    });
    const version = await prisma.modelVersion.create({
      data: {
        ...{ teamId: team.id, modelId: model.id, version: "1.2.0", format: "SAFETENSORS", artifactUri: "s3://m/r" },
        ...{ sha256: "ab".repeat(32), sizeBytes: 9_007_199_254_740_993n, runtimeImage: "tern/runtime:1" },
        ...{ goldenSet: [{ input: [1, 2], output: 0.5 }], createdAt: at },
      },
    });
    const deployment = await prisma.deployment.create({
      data: {
        ...{ teamId: team.id, clusterId: cluster.id, modelVersionId: version.id, namespace: "serving", name: "ranker" },
        ...{ replicas: 3, gpusPerReplica: 1, gpuType: "A100", minReplicas: 1, maxReplicas: 6, latencySloMs: 150 },
        ...{ endpoint: "http://ranker.serving", phase: "Ready", readyReplicas: 3, availableReplicas: 2 },
        ...{ conditions: [{ type: "Available", status: "True" }], lastEvent: "scaled", ...stamps },
      },
    });
    const auditEvent = await prisma.auditEvent.create({
      data: {
        ...{ teamId: team.id, actorId: user.id, actorEmail: user.email, action: "cluster.create" },
        ...{ targetType: "Cluster", targetId: cluster.id, outcome: "DENIED", requestId: "req-1", ip: "10.0.0.2" },
        ...{ details: { reason: "role" }, createdAt: at },
      },
    });

    // Read every row back with a fresh query: what went in must come out unchanged.
    const read = {
      team: await prisma.team.findUniqueOrThrow({ where: { id: team.id } }),
      user: await prisma.user.findUniqueOrThrow({ where: { id: user.id } }),
      membership: await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } }),
      invite: await prisma.invite.findUniqueOrThrow({ where: { id: invite.id } }),
      session: await prisma.session.findUniqueOrThrow({ where: { id: session.id } }),
      account: await prisma.account.findUniqueOrThrow({ where: { id: account.id } }),
      verification: await prisma.verification.findUniqueOrThrow({ where: { id: verification.id } }),
      cloud: await prisma.cloud.findUniqueOrThrow({ where: { id: cloud.id } }),
      cluster: await prisma.cluster.findUniqueOrThrow({ where: { id: cluster.id } }),
      gpuPrice: await prisma.gpuPrice.findUniqueOrThrow({ where: { id: gpuPrice.id } }),
      model: await prisma.model.findUniqueOrThrow({ where: { id: model.id } }),
      version: await prisma.modelVersion.findUniqueOrThrow({ where: { id: version.id } }),
      deployment: await prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } }),
      auditEvent: await prisma.auditEvent.findUniqueOrThrow({ where: { id: auditEvent.id } }),
    };
    const written = { team, user, membership, invite, session, account, verification, cloud, cluster, gpuPrice };
    expect(read).toEqual({ ...written, model, version, deployment, auditEvent });
    expect(read.account.refreshTokenExpiresAt).toEqual(later);
    expect(read.version.sizeBytes).toBe(9_007_199_254_740_993n);
    expect(read.gpuPrice.pricePerHour.toFixed(4)).toBe("32.7726");
    expect(read.gpuPrice.effectiveDate.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(read.cluster.gpuCapacity).toEqual({ A100: 8, nested: { H100: [1, 2] } });
  });

  it("fills the schema's defaults", async () => {
    const { prisma } = db;
    const team = await prisma.team.create({ data: { name: "T", slug: "t" } });
    const cloud = await prisma.cloud.create({ data: { teamId: team.id, provider: "ONPREM", name: "dc" } });
    const cluster = await prisma.cluster.create({
      data: {
        teamId: team.id,
        cloudId: cloud.id,
        name: "c",
        region: "r",
        apiServer: "https://x",
        credentialsCipher: "c",
      },
    });
    expect(cluster).toMatchObject({
      ...{ insecureTls: false, insecureConfirmed: false, residencyTags: [], gpuCapacity: {}, health: "UNKNOWN" },
    });
    expect(team.id).toMatch(/^c[a-z0-9]{20,}$/);
    const user = await prisma.user.create({ data: { name: "U", email: "u@example.com" } });
    expect(user).toMatchObject({ emailVerified: false, locale: "en" });
    const event = await prisma.auditEvent.create({ data: { action: "login", outcome: "SUCCESS", requestId: "r" } });
    expect(event).toMatchObject({ teamId: null, details: {} });
  });

  it("enforces unique keys and the delete rules", async () => {
    const { prisma } = db;
    const team = await prisma.team.create({ data: { name: "T", slug: "t" } });
    const cloud = await prisma.cloud.create({ data: { teamId: team.id, provider: "GCP", name: "g" } });
    await expect(prisma.cloud.create({ data: { teamId: team.id, provider: "AWS", name: "g" } })).rejects.toMatchObject({
      code: "P2002",
    });
    await prisma.cluster.create({
      data: {
        teamId: team.id,
        cloudId: cloud.id,
        name: "c",
        region: "r",
        apiServer: "https://x",
        credentialsCipher: "c",
      },
    });
    // Restrict: a cloud with clusters cannot be deleted on its own. adapter-pg reports P2003, but
    // pglite-prisma-adapter 0.7 leaves SQLSTATE 23001 unmapped (P2039): match the constraint name.
    await expect(prisma.cloud.delete({ where: { id: cloud.id } })).rejects.toThrow("Cluster_cloudId_fkey");
    expect(await prisma.cloud.count()).toBe(1);
    // Cascade: deleting the team removes everything it owns.
    await prisma.team.delete({ where: { id: team.id } });
    expect(await prisma.cluster.count()).toBe(0);
    expect(await prisma.cloud.count()).toBe(0);
  });
});
