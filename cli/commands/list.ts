// `tern clusters|models|deployments list`: aligned tables, or every field as JSON/YAML.
import type { TernClient } from "../client";
import { parseOutput, print, table } from "../output";
import type { ClusterRow, DeploymentRow, ModelRow } from "../resolve";

const gpus = (c: ClusterRow) =>
  Object.entries(c.gpuCapacity)
    .map(([type, g]) => `${type} ${g.allocated}/${g.allocatable}`)
    .join(", ") || "-";

export async function listClusters(client: TernClient, o: { output?: string }) {
  const format = parseOutput(o.output);
  const rows = await client.all<ClusterRow>("/clusters");
  print(format, rows, () =>
    table(
      ["NAME", "CLOUD", "PROVIDER", "REGION", "HEALTH", "RESIDENCY", "GPUS (USED/ALL)"],
      rows.map((c) => [
        c.name,
        c.cloud.name,
        c.cloud.provider,
        c.region,
        c.health,
        c.residencyTags.join(",") || "-",
        gpus(c),
      ]),
    ),
  );
}

export async function listModels(client: TernClient, o: { output?: string }) {
  const format = parseOutput(o.output);
  const rows = await client.all<ModelRow>("/models");
  print(format, rows, () =>
    table(
      ["NAME", "TASK", "FRAMEWORK", "VERSIONS", "LATEST"],
      rows.map((m) => [m.name, m.task, m.framework, m.versionCount, m.latestVersion]),
    ),
  );
}

export async function listDeployments(client: TernClient, o: { output?: string; cluster?: string }) {
  const format = parseOutput(o.output);
  const rows = (await client.all<DeploymentRow>("/deployments")).filter(
    (d) => !o.cluster || d.cluster.name === o.cluster,
  );
  print(format, rows, () =>
    table(
      ["NAME", "NAMESPACE", "CLUSTER", "MODEL", "READY", "GPUS", "SLO", "PHASE"],
      rows.map((d) => [
        d.name,
        d.namespace,
        d.cluster.name,
        `${d.modelVersion.model.name}:${d.modelVersion.version}`,
        `${d.readyReplicas}/${d.replicas}`,
        `${d.gpusPerReplica}×${d.gpuType}`,
        `${d.latencySloMs}ms`,
        d.phase,
      ]),
    ),
  );
}
