// Seeds an empty embedded database with the demo team, one user per role, the demo price catalog and
// the demo models (real ONNX artifacts in their home cloud's simulated object store).
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../../generated/prisma/client";
import { DEMO_MODELS, demoArtifactKey } from "@tern/sim/models";
import { readDemoGoldenSet } from "@tern/sim/models";
import { DEMO_PRICE_SOURCE, DEMO_PRICES, DEMO_RUNTIME_IMAGE } from "./demo-catalog";
import { DEMO_TEAM, DEMO_USERS } from "./demo-users";

/** A plain JSON copy, typed the way Prisma's Json columns take it. */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as object[];

export async function seedDemo(opts: {
  prisma: PrismaClient;
  modelHomes: Record<string, string[]>;
}): Promise<{ seeded: boolean; teamId: string | null }> {
  const { prisma } = opts;
  if ((await prisma.team.count()) > 0) {
    const demo = await prisma.team.findUnique({ where: { slug: DEMO_TEAM.slug }, select: { id: true } });
    return { seeded: false, teamId: demo?.id ?? null };
  }
  const team = await prisma.team.create({ data: DEMO_TEAM, select: { id: true } });
  for (const u of DEMO_USERS) {
    const user = await prisma.user.create({
      data: { email: u.email, name: u.name, emailVerified: true },
      select: { id: true },
    });
    await prisma.account.create({
      data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(u.password) },
    });
    await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: u.role } });
  }
  await prisma.gpuPrice.createMany({
    data: DEMO_PRICES.map((p) => ({
      ...p,
      teamId: team.id,
      source: DEMO_PRICE_SOURCE,
      effectiveDate: new Date("2026-11-01T00:00:00Z"),
    })),
  });
  for (const m of DEMO_MODELS) {
    const home = opts.modelHomes[m.name]?.[0];
    if (!home) continue;
    const model = await prisma.model.upsert({
      where: { teamId_name: { teamId: team.id, name: m.name } },
      create: { teamId: team.id, name: m.name, task: m.task, framework: m.framework, description: m.description },
      update: {},
      select: { id: true },
    });
    await prisma.modelVersion.create({
      data: {
        teamId: team.id,
        modelId: model.id,
        version: m.version,
        format: "ONNX",
        artifactUri: `sim://${home}/${demoArtifactKey(m)}`,
        sha256: m.sha256,
        sizeBytes: BigInt(m.sizeBytes),
        runtimeImage: DEMO_RUNTIME_IMAGE,
        goldenSet: asJson(await readDemoGoldenSet(m)),
      },
    });
  }
  return { seeded: true, teamId: team.id };
}
