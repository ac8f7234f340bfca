// Two teams with one user per role and one object of each kind, and callers acting as any of them.
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { createContextInner } from "../api/context";
import { createCaller } from "../api/root";
import { ROLES } from "../auth/roles";

export interface TeamFixture {
  teamId: string;
  users: Record<Role, { id: string; email: string }>;
  cloudId: string;
  clusterId: string;
  gpuPriceId: string;
  modelId: string;
  inviteId: string;
  versionId: string;
  deploymentId: string;
  embedLinkId: string;
  migrationId: string;
  apiTokenId: string;
  alertId: string;
}

export async function createTeamFixture(prisma: PrismaClient, slug: string): Promise<TeamFixture> {
  const team = await prisma.team.create({ data: { name: `Team ${slug}`, slug } });
  const users = {} as TeamFixture["users"];
  for (const role of ROLES) {
    const email = `${role.toLowerCase()}@${slug}.test`;
    const u = await prisma.user.create({ data: { email, name: `${role} ${slug}` } });
    await prisma.membership.create({ data: { teamId: team.id, userId: u.id, role } });
    users[role] = { id: u.id, email };
  }
  const cloud = await prisma.cloud.create({ data: { teamId: team.id, provider: "AWS", name: `aws-${slug}` } });
  const cluster = await prisma.cluster.create({
    data: {
      teamId: team.id,
      cloudId: cloud.id,
      name: `c-${slug}`,
      region: "us-east-1",
      apiServer: "https://127.0.0.1:6443",
      credentialsCipher: "v1:x",
    },
  });
  const price = await prisma.gpuPrice.create({
    data: {
      teamId: team.id,
      provider: "AWS",
      region: "us-east-1",
      gpuType: "H100",
      pricePerHour: 2.5,
      source: "test",
      effectiveDate: new Date("2026-01-01"),
    },
  });
  const model = await prisma.model.create({
    data: { teamId: team.id, name: `m-${slug}`, task: "classification", framework: "onnx" },
  });
  const version = await prisma.modelVersion.create({
    data: {
      teamId: team.id,
      modelId: model.id,
      version: "1.0.0",
      format: "ONNX",
      artifactUri: "s3://b/m.onnx",
      sha256: "a".repeat(64),
      sizeBytes: 10n,
      runtimeImage: "ghcr.io/tern/onnx-server:1",
    },
  });
  const deployment = await prisma.deployment.create({
    data: {
      teamId: team.id,
      clusterId: cluster.id,
      modelVersionId: version.id,
      namespace: "models",
      name: `d-${slug}`,
      replicas: 1,
      gpusPerReplica: 1,
      gpuType: "H100",
      minReplicas: 1,
      maxReplicas: 4,
      latencySloMs: 200,
    },
  });
  const invite = await prisma.invite.create({ data: { teamId: team.id, email: `new@${slug}.test`, role: "VIEWER" } });
  const embed = await prisma.embedLink.create({
    data: {
      teamId: team.id,
      deploymentId: deployment.id,
      metric: "latency",
      rangeMinutes: 60,
      title: `d-${slug} latency`,
      tokenHash: `fixture-${slug}`.padEnd(64, "0"),
      createdById: users.OPERATOR.id,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  // A bare, ended request row (its plan is not read by the access checks).
  const migration = await prisma.migration.create({
    data: {
      state: "CANCELLED",
      teamId: team.id,
      sourceDeploymentId: deployment.id,
      targetClusterId: cluster.id,
      requestedById: users.OPERATOR.id,
      requestedByEmail: users.OPERATOR.email,
      plan: {},
      planHash: "0".repeat(64),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  // A token of the team's admin (its secret is never needed: the access checks only name its id).
  const apiToken = await prisma.apiToken.create({
    data: {
      teamId: team.id,
      userId: users.ADMIN.id,
      name: "fixture pipeline",
      prefix: "tern_pat_fixt",
      tokenHash: `${slug}-fixture-pat-hash`,
      scopes: ["READ"],
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const alert = await prisma.alert.create({
    data: {
      teamId: team.id,
      deploymentId: deployment.id,
      fingerprint: `fixture${slug}`,
      name: "TernLatencySloBreach",
      severity: "warning",
      status: "FIRING",
      summary: `p95 latency of models/d-${slug} is above its SLO of 200 ms`,
      labels: { alertname: "TernLatencySloBreach", tern_deployment_id: deployment.id },
      startsAt: new Date(),
    },
  });
  return {
    teamId: team.id,
    alertId: alert.id,
    migrationId: migration.id,
    apiTokenId: apiToken.id,
    users,
    cloudId: cloud.id,
    clusterId: cluster.id,
    gpuPriceId: price.id,
    modelId: model.id,
    inviteId: invite.id,
    versionId: version.id,
    deploymentId: deployment.id,
    embedLinkId: embed.id,
  };
}

export async function callerAs(prisma: PrismaClient, who: { id: string; email: string } | null, teamId?: string) {
  const ctx = await createContextInner({
    prisma,
    user: who ? { id: who.id, email: who.email, name: who.email, locale: "en", sessionId: "test" } : null,
    teamId: teamId ?? null,
  });
  return createCaller(ctx);
}

/** Row counts of every table except the audit log: refused calls must leave these unchanged. */
export async function domainSnapshot(prisma: PrismaClient) {
  // One query per table, named; awaiting an object keeps the name next to its query.
  const parts = {
    teams: prisma.team.findMany({ select: { id: true, embedOrigins: true }, orderBy: { id: "asc" } }),
    users: prisma.user.findMany({ select: { id: true, locale: true }, orderBy: { id: "asc" } }),
    memberships: prisma.membership.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
    invites: prisma.invite.count(),
    clouds: prisma.cloud.findMany({
      select: { id: true, name: true, storeBucket: true, storeCredentialsCipher: true },
      orderBy: { id: "asc" },
    }),
    clusters: prisma.cluster.findMany({
      select: { id: true, region: true, prometheusUrl: true },
      orderBy: { id: "asc" },
    }),
    prices: prisma.gpuPrice.findMany({ select: { id: true, pricePerHour: true }, orderBy: { id: "asc" } }),
    models: prisma.model.count(),
    versions: prisma.modelVersion.count(),
    deployments: prisma.deployment.findMany({
      select: { id: true, replicas: true, specGeneration: true, deletionRequestedAt: true },
      orderBy: { id: "asc" },
    }),
    embeds: prisma.embedLink.findMany({ select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    apiTokens: prisma.apiToken.findMany({ select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    migrations: prisma.migration.findMany({
      select: { id: true, state: true, abortRequestedAt: true },
      orderBy: { id: "asc" },
    }),
    approvals: prisma.approval.count(),
    policies: prisma.approvalPolicy.count(),
    webhooks: prisma.teamWebhook.count(),
    equivalences: prisma.gpuEquivalence.count(),
  };
  const values = await Promise.all(Object.values(parts));
  return JSON.stringify(Object.fromEntries(Object.keys(parts).map((k, i) => [k, values[i]])));
}
