// A team with a deployment on one cloud and a target cluster (with free GPUs and an object store) on
// another, plus fake executor ports that record every side effect, for migration tests.
/* eslint-disable @typescript-eslint/require-await -- the fakes answer at once behind the async port interfaces */
import type { PrismaClient } from "../generated/prisma/client";
import type { MigrationPorts, TrafficBackend } from "../migrations/execute/ports";
import { encryptJson, getEncryptionKey } from "../crypto/credentials";
import { callerAs, createTeamFixture, type TeamFixture } from "./fixtures";
import type { TrafficRouter } from "../migrations/traffic/traffic-router";
import { configureTrafficRouter } from "../services/migrations/traffic-router-from-env";

export interface MigrationScenario extends TeamFixture {
  targetClusterId: string;
  targetCloudId: string;
}

export const GOLDEN = [
  {
    input: { inputs: [{ name: "x", shape: [1, 1], datatype: "FP32", data: [1] }] },
    expected: { outputs: [{ name: "y", shape: [1, 1], datatype: "FP32", data: [0.5] }] },
  },
];

/** A router that accepts any weights at once, so plans pass the "traffic" check in tests without a fleet. */
export const acceptingRouter: TrafficRouter = {
  getWeights: async () => [],
  setWeights: async (_model, backends) => backends,
};

export async function createMigrationScenario(prisma: PrismaClient, slug: string): Promise<MigrationScenario> {
  configureTrafficRouter(acceptingRouter);
  const f = await createTeamFixture(prisma, slug);
  await prisma.cloud.update({
    where: { id: f.cloudId },
    data: {
      storeEndpoint: "http://127.0.0.1:9/",
      storeBucket: "b",
      storeCredentialsCipher: encryptJson({ accessKeyId: "k", secretAccessKey: "s" }, getEncryptionKey()),
    },
  });
  await prisma.modelVersion.update({ where: { id: f.versionId }, data: { goldenSet: GOLDEN, sizeBytes: 1_000_000n } });
  await prisma.deployment.update({ where: { id: f.deploymentId }, data: { readyReplicas: 1, phase: "Ready" } });
  const cloud = await prisma.cloud.create({
    data: {
      teamId: f.teamId,
      provider: "GCP",
      name: `gcp-${slug}`,
      storeEndpoint: "http://127.0.0.1:9/",
      storeBucket: `models-${slug}`,
      storeRegion: "us-central1",
      storeCredentialsCipher: encryptJson({ accessKeyId: "k", secretAccessKey: "s" }, getEncryptionKey()),
    },
  });
  const cluster = await prisma.cluster.create({
    data: {
      teamId: f.teamId,
      cloudId: cloud.id,
      name: `t-${slug}`,
      region: "us-central1",
      apiServer: "https://127.0.0.1:6444",
      credentialsCipher: "v1:x",
      health: "HEALTHY",
      gpuCapacity: { H100: { allocatable: 8, allocated: 0 } },
    },
  });
  await prisma.gpuPrice.create({
    data: {
      teamId: f.teamId,
      provider: "GCP",
      region: "us-central1",
      gpuType: "H100",
      pricePerHour: 2.0,
      source: "test",
      effectiveDate: new Date("2026-01-01"),
    },
  });
  return { ...f, targetClusterId: cluster.id, targetCloudId: cloud.id };
}

/** The scenario's operator asks to move its deployment to the target cluster (5 s of analysis). */
export async function requestScenarioMigration(prisma: PrismaClient, s: MigrationScenario) {
  const op = await callerAs(prisma, s.users.OPERATOR, s.teamId);
  return op.migration.request({ deploymentId: s.deploymentId, targetClusterId: s.targetClusterId, analysisSeconds: 5 });
}

export interface FakePorts extends MigrationPorts {
  copies: { fromUri: string; toUri: string }[];
  traffic: TrafficBackend[][];
  /** Objects "in the target store": a copy is skipped when it is already there. */
  stored: Set<string>;
  verifyCalls: number;
}

export function fakePorts(
  over: Partial<MigrationPorts> & { goldenOk?: boolean; p95Ms?: number; requests?: number } = {},
): FakePorts {
  const ports: FakePorts = {
    copies: [],
    traffic: [],
    stored: new Set(),
    verifyCalls: 0,
    async copyArtifact(a) {
      if (ports.stored.has(a.toUri)) return { bytes: a.sizeBytes, sha256: a.sha256, skipped: true };
      ports.copies.push({ fromUri: a.fromUri, toUri: a.toUri });
      ports.stored.add(a.toUri);
      return { bytes: a.sizeBytes, sha256: a.sha256, skipped: false };
    },
    async verify() {
      ports.verifyCalls += 1;
      const ok = over.goldenOk ?? true;
      return {
        golden: [
          {
            index: 0,
            ok,
            maxAbsDiff: ok ? 0 : 0.2,
            message: ok ? null : "output y[0]: expected 0.5, got 0.7",
            expected: [0.5],
            source: [0.5],
            target: [ok ? 0.5 : 0.7],
          },
        ],
        shadow: [],
        targetLatencyMs: [12],
      };
    },
    async probe(a) {
      return { answered: a.requests };
    },
    async setTraffic(a) {
      ports.traffic.push(a.backends);
    },
    async analyse() {
      return { requests: over.requests ?? 500, errorRatio: 0, p95Ms: over.p95Ms ?? 50 };
    },
    ...over,
  };
  return ports;
}

/** Plays the cluster: every target deployment Tern creates becomes ready shortly after. */
export function readyTargets(prisma: PrismaClient): () => void {
  const timer = setInterval(() => {
    void prisma.deployment
      .updateMany({
        where: { phase: "Pending", deletionRequestedAt: null },
        data: { phase: "Ready", readyReplicas: 1, availableReplicas: 1 },
      })
      .catch(() => {});
  }, 100);
  return () => clearInterval(timer);
}
