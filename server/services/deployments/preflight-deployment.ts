// Checks a planned deployment before it is submitted: free GPUs of the type, data residency, format support.
import type { z } from "zod";
import { AppError } from "../../errors";
import type { PreflightDto, ZDeploymentTarget } from "../../validation/deployment";
import { toClusterDto, clusterSelect } from "../clusters/cluster-select";
import type { TeamScope } from "../context";
import { runtimeFormats } from "./runtime-formats";

export async function preflightDeployment(
  opts: TeamScope & { input: z.output<typeof ZDeploymentTarget> },
): Promise<PreflightDto> {
  const { input } = opts;
  const [clusterRow, version] = await Promise.all([
    opts.prisma.cluster.findFirst({ where: { id: input.clusterId, teamId: opts.teamId }, select: clusterSelect }),
    opts.prisma.modelVersion.findFirst({
      where: { id: input.modelVersionId, teamId: opts.teamId },
      select: {
        format: true,
        runtimeImage: true,
        version: true,
        model: { select: { name: true, residencyTags: true } },
      },
    }),
  ]);
  if (!clusterRow)
    throw new AppError("NOT_FOUND", "the cluster was not found in this team; pick one from the list", "clusterId");
  if (!version)
    throw new AppError(
      "NOT_FOUND",
      "the model version was not found in this team; pick one from the list",
      "modelVersionId",
    );
  const cluster = toClusterDto(clusterRow);

  const gpu = cluster.gpuCapacity[input.gpuType];
  const needed = input.gpusPerReplica * input.replicas;
  const free = gpu ? gpu.allocatable - gpu.allocated : null;
  const capacityOk = needed === 0 || (free !== null && free >= needed);
  const required = version.model.residencyTags;
  const residencyOk = required.length === 0 || required.some((t) => cluster.residencyTags.includes(t));
  const formats = runtimeFormats(version.runtimeImage);
  const formatOk = formats === null || formats.includes(version.format);

  const problems: string[] = [];
  const warnings: string[] = [];
  if (!residencyOk) {
    problems.push(
      `model '${version.model.name}' may only run where data may live in ${required.join(" or ")}; cluster '${cluster.name}' is tagged ${cluster.residencyTags.join(", ") || "with no residency"} — pick a cluster with a matching tag`,
    );
  }
  if (!formatOk) {
    problems.push(
      `runtime image ${version.runtimeImage} does not serve ${version.format} models; add a version with a runtime that does`,
    );
  }
  if (formats === null)
    warnings.push(
      `Tern does not recognise runtime image ${version.runtimeImage}; check that it serves ${version.format}`,
    );
  if (!capacityOk) {
    warnings.push(
      free === null
        ? `cluster '${cluster.name}' has no ${input.gpuType} GPUs that Tern has seen; pods will stay Pending until such nodes exist`
        : `${needed} ${input.gpuType} GPUs needed but ${free} free on '${cluster.name}'; some pods will stay Pending until GPUs free up`,
    );
  }
  return {
    ok: problems.length === 0,
    capacity: { gpuType: input.gpuType, needed, free, allocatable: gpu?.allocatable ?? null, ok: capacityOk },
    residency: { required, cluster: cluster.residencyTags, ok: residencyOk },
    format: { format: version.format, runtimeImage: version.runtimeImage, ok: formatOk },
    gpuTypes: Object.keys(cluster.gpuCapacity).sort(),
    problems,
    warnings,
  };
}
