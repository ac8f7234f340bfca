// The team's inventory as a declarative document (clouds, clusters without credentials, GPU prices, models with
// versions, live deployments), sorted by name so two exports of the same state are identical.
import type { TeamScope } from "../context";
import { TEAM_DOCUMENT_VERSION, type TeamDocument } from "../../validation/team-document";
import type { GoldenSet } from "../../validation/model";
import { gpuPriceSelect, toGpuPriceDto } from "../gpu-prices/gpu-price-select";

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export async function exportTeamDocument(opts: TeamScope): Promise<TeamDocument> {
  const { prisma, teamId } = opts;
  const [team, clouds, clusters, prices, models, deployments] = await Promise.all([
    prisma.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } }),
    prisma.cloud.findMany({ where: { teamId }, select: { name: true, provider: true } }),
    // Never the credentials, API server or observed state: only what a person declares.
    prisma.cluster.findMany({
      where: { teamId },
      select: { name: true, region: true, prometheusUrl: true, residencyTags: true, cloud: { select: { name: true } } },
    }),
    prisma.gpuPrice.findMany({ where: { teamId }, select: gpuPriceSelect }),
    prisma.model.findMany({
      where: { teamId },
      select: {
        name: true,
        task: true,
        framework: true,
        description: true,
        residencyTags: true,
        versions: {
          orderBy: { createdAt: "asc" },
          select: {
            version: true,
            format: true,
            artifactUri: true,
            sha256: true,
            sizeBytes: true,
            runtimeImage: true,
            goldenSet: true,
          },
        },
      },
    }),
    prisma.deployment.findMany({
      where: { teamId, deletionRequestedAt: null },
      select: {
        name: true,
        namespace: true,
        replicas: true,
        gpusPerReplica: true,
        gpuType: true,
        minReplicas: true,
        maxReplicas: true,
        latencySloMs: true,
        cluster: { select: { name: true } },
        modelVersion: { select: { version: true, model: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    apiVersion: TEAM_DOCUMENT_VERSION,
    kind: "Team",
    team: team.name,
    clouds: clouds.map((c) => ({ name: c.name, provider: c.provider })).sort(byName),
    clusters: clusters
      .map((c) => ({
        name: c.name,
        cloud: c.cloud.name,
        region: c.region,
        prometheusUrl: c.prometheusUrl,
        residencyTags: [...c.residencyTags].sort(),
      }))
      .sort(byName),
    gpuPrices: prices
      .map(toGpuPriceDto)
      .map(({ id: _id, ...p }) => p)
      .sort((a, b) => priceKey(a).localeCompare(priceKey(b))),
    models: models
      .map((m) => ({
        name: m.name,
        task: m.task,
        framework: m.framework,
        description: m.description,
        residencyTags: [...m.residencyTags].sort(),
        versions: m.versions.map((v) => ({
          version: v.version,
          format: v.format,
          artifactUri: v.artifactUri,
          sha256: v.sha256,
          sizeBytes: Number(v.sizeBytes),
          runtimeImage: v.runtimeImage,
          goldenSet: v.goldenSet as GoldenSet,
        })),
      }))
      .sort(byName),
    deployments: deployments
      .map((d) => ({
        name: d.name,
        namespace: d.namespace,
        cluster: d.cluster.name,
        model: d.modelVersion.model.name,
        version: d.modelVersion.version,
        replicas: d.replicas,
        gpusPerReplica: d.gpusPerReplica,
        gpuType: d.gpuType,
        minReplicas: d.minReplicas,
        maxReplicas: d.maxReplicas,
        latencySloMs: d.latencySloMs,
      }))
      .sort((a, b) => deploymentKey(a).localeCompare(deploymentKey(b))),
  };
}

/** A GPU price's identity: provider × region × GPU type × effective date. */
export const priceKey = (p: { provider: string; region: string; gpuType: string; effectiveDate: string }) =>
  `${p.provider}/${p.region}/${p.gpuType}@${p.effectiveDate}`;

/** A deployment's identity: cluster, namespace and name (what the cluster itself keys it by). */
export const deploymentKey = (d: { cluster: string; namespace: string; name: string }) =>
  `${d.cluster}/${d.namespace}/${d.name}`;
