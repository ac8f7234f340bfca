// `tern deploy` and `tern scale`: desired state through the REST API; Tern's reconciler applies it.
import type { TernClient } from "../client";
import { CliError, EXIT } from "../errors";
import { findCluster, findDeployment, findModelVersion } from "../resolve";

export interface DeployOptions {
  cluster: string;
  name?: string;
  namespace: string;
  replicas: number;
  gpus: number;
  gpuType?: string;
  min?: number;
  max?: number;
  sloMs: number;
}

export async function deploy(client: TernClient, ref: string, o: DeployOptions) {
  const [version, cluster] = await Promise.all([findModelVersion(client, ref), findCluster(client, o.cluster)]);
  const gpuTypes = Object.keys(cluster.gpuCapacity);
  const gpuType = o.gpuType ?? (gpuTypes.length === 1 ? gpuTypes[0] : undefined);
  if (!gpuType)
    throw new CliError(
      EXIT.USAGE,
      `say which GPU type with --gpu-type (cluster '${cluster.name}' has ${gpuTypes.join(", ") || "none seen yet"})`,
    );
  const minReplicas = o.min ?? Math.min(1, o.replicas);
  const maxReplicas = o.max ?? Math.max(o.replicas, 1);
  const res = await client.post<{ id: string; name: string; warnings: string[] }>("/deployments", {
    clusterId: cluster.id,
    modelVersionId: version.id,
    namespace: o.namespace,
    name: o.name ?? version.model,
    replicas: o.replicas,
    gpusPerReplica: o.gpus,
    gpuType,
    minReplicas,
    maxReplicas,
    latencySloMs: o.sloMs,
  });
  console.log(
    `deployment ${res.name} (${res.id}): ${version.model}:${version.version} on ${cluster.name}, ${o.replicas} × ${o.gpus} ${gpuType}; Tern is rolling it out`,
  );
  for (const w of res.warnings) console.log(`warning: ${w}`);
}

export async function scale(client: TernClient, ref: string, replicas: number) {
  const d = await findDeployment(client, ref);
  const res = await client.post<{ id: string; replicas: number }>(`/deployments/${d.id}/scale`, { replicas });
  console.log(`deployment ${d.name} on ${d.cluster.name}: ${d.replicas} → ${res.replicas} replicas`);
}
