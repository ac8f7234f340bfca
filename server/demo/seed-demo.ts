// Seeds an empty embedded database with the demo team, one user per role and a demo inventory.
import { createHash } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_CLOUDS, DEMO_PRICE_SOURCE, DEMO_PRICES } from "./demo-catalog";
import { DEMO_TEAM, DEMO_USERS } from "./demo-users";

const DEMO_GOLDEN = [
  { input: { inputs: [{ name: "features", shape: [1, 4], datatype: "FP32", data: [0.2, 0.5, 0.1, 0.9] }] }, expected: { score: 0.73 }, tolerance: 0.01 },
];

export async function seedDemo(opts: { prisma: PrismaClient }): Promise<{ seeded: boolean }> {
  const { prisma } = opts;
  if ((await prisma.team.count()) > 0) return { seeded: false };

  const team = await prisma.team.create({ data: DEMO_TEAM, select: { id: true } });
  for (const u of DEMO_USERS) {
    const user = await prisma.user.create({ data: { email: u.email, name: u.name, emailVerified: true }, select: { id: true } });
    await prisma.account.create({
      data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(u.password) },
    });
    await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: u.role } });
  }
  await prisma.cloud.createMany({ data: DEMO_CLOUDS.map((c) => ({ ...c, teamId: team.id })) });
  await prisma.gpuPrice.createMany({
    data: DEMO_PRICES.map((p) => ({ ...p, teamId: team.id, source: DEMO_PRICE_SOURCE, effectiveDate: new Date("2026-11-01T00:00:00Z") })),
  });
  const model = await prisma.model.create({
    data: { teamId: team.id, name: "credit-risk", task: "classification", framework: "scikit-learn", description: "Demo credit-risk scorer" },
    select: { id: true },
  });
  await prisma.modelVersion.create({
    data: {
      teamId: team.id,
      modelId: model.id,
      version: "1.0.0",
      format: "ONNX",
      artifactUri: "sim://aws-us-east-1/models/credit-risk/1.0.0/model.onnx",
      sha256: createHash("sha256").update("credit-risk-1.0.0").digest("hex"),
      sizeBytes: 18_432n,
      runtimeImage: "ghcr.io/tern/onnx-server:1.30",
      goldenSet: DEMO_GOLDEN,
    },
  });
  return { seeded: true };
}
