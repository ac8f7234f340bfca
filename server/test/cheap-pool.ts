// For recommendation tests: a team's own H100 cluster with 3 GPUs free, plus a cheaper pool on another cloud
// (cloud gcp-<slug>, us-central1, 2 free H100s at 1.50 USD per GPU-hour) that its deployment could move to.
import type { PrismaClient } from "../generated/prisma/client";
import type { TeamFixture } from "./fixtures";

/** Adds the cheaper cluster "cheap" to the team and returns its id. */
export async function addCheapPool(prisma: PrismaClient, team: TeamFixture): Promise<string> {
  const h100 = (allocatable: number, allocated: number) => ({ H100: { allocatable, allocated } });
  await prisma.cluster.update({ where: { id: team.clusterId }, data: { gpuCapacity: h100(4, 1) } });
  const { slug } = await prisma.team.findUniqueOrThrow({ where: { id: team.teamId }, select: { slug: true } });
  const gcp = await prisma.cloud.create({ data: { teamId: team.teamId, provider: "GCP", name: `gcp-${slug}` } });
  const cheap = await prisma.cluster.create({
    data: {
      teamId: team.teamId,
      cloudId: gcp.id,
      name: "cheap",
      region: "us-central1",
      apiServer: "https://127.0.0.1:7443",
      credentialsCipher: "v1:x",
      gpuCapacity: h100(2, 0),
    },
  });
  await prisma.gpuPrice.create({
    data: {
      teamId: team.teamId,
      provider: "GCP",
      region: "us-central1",
      gpuType: "H100",
      pricePerHour: 1.5,
      source: "test",
      effectiveDate: new Date("2026-01-01"),
    },
  });
  return cheap.id;
}
