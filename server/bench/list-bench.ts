// The list procedures at 10,000 rows versus the same SQL run directly on the driver.
import { createContextInner } from "../api/context.ts";
import { createCaller } from "../api/root.ts";
import type { BenchDb } from "./bench-db.ts";
import { measure } from "./measure.ts";
import { seedBench } from "./seed-bench.ts";

const CLUSTERS_SQL = `SELECT c."id", c."name", c."region", c."apiServer", c."insecureTls", c."insecureConfirmed", c."prometheusUrl",
  c."residencyTags", c."health", c."gpuCapacity", c."createdAt", cl."id" AS "cloudId", cl."name" AS "cloudName", cl."provider"
FROM "Cluster" c JOIN "Cloud" cl ON cl."id" = c."cloudId"
WHERE c."teamId" = $1 AND c."health" = $2
ORDER BY c."region" DESC, c."id" ASC LIMIT 50 OFFSET 100`;
const CLUSTERS_COUNT = `SELECT count(*) FROM "Cluster" WHERE "teamId" = $1 AND "health" = $2`;

const DEPLOYMENTS_SQL = `SELECT d."id", d."namespace", d."name", d."replicas", d."readyReplicas", d."gpusPerReplica", d."gpuType", d."latencySloMs",
  d."phase", d."endpoint", d."createdAt", c."id" AS "clusterId", c."name" AS "clusterName", c."region",
  v."id" AS "versionId", v."version", m."id" AS "modelId", m."name" AS "modelName"
FROM "Deployment" d JOIN "Cluster" c ON c."id" = d."clusterId" JOIN "ModelVersion" v ON v."id" = d."modelVersionId" JOIN "Model" m ON m."id" = v."modelId"
WHERE d."teamId" = $1 AND d."phase" = $2
ORDER BY d."createdAt" DESC, d."id" ASC LIMIT 50 OFFSET 100`;
const DEPLOYMENTS_COUNT = `SELECT count(*) FROM "Deployment" WHERE "teamId" = $1 AND "phase" = $2`;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  ratio?: number;
}

export async function runListBench(db: BenchDb, rows = 10_000): Promise<Figure[]> {
  const { teamId, user } = await seedBench(db.prisma, rows);
  // Each tRPC call builds its context as a request would (session user → team memberships).
  const call = async () =>
    createCaller(
      await createContextInner({
        prisma: db.prisma,
        user: { ...user, name: "Bench", locale: "en", sessionId: "bench" },
        teamId,
      }),
    );

  const clustersTrpc = await measure(async () =>
    (await call()).cluster.list({ page: 3, pageSize: 50, sort: "region", dir: "desc", health: "HEALTHY" }),
  );
  const clustersSql = await measure(() =>
    Promise.all([db.sql(CLUSTERS_SQL, [teamId, "HEALTHY"]), db.sql(CLUSTERS_COUNT, [teamId, "HEALTHY"])]),
  );
  const deploymentsTrpc = await measure(async () =>
    (await call()).deployment.list({ page: 3, pageSize: 50, sort: "createdAt", dir: "desc", phase: "Ready" }),
  );
  const deploymentsSql = await measure(() =>
    Promise.all([db.sql(DEPLOYMENTS_SQL, [teamId, "Ready"]), db.sql(DEPLOYMENTS_COUNT, [teamId, "Ready"])]),
  );

  const fig = (
    list: string,
    kind: string,
    t: { p50: number; p95: number },
    ref?: { p50: number; p95: number },
  ): Figure[] => [
    { name: `${list}.${kind}.p50`, value: t.p50, unit: "ms", ...(ref ? { ratio: t.p50 / ref.p50 } : {}) },
    { name: `${list}.${kind}.p95`, value: t.p95, unit: "ms", ...(ref ? { ratio: t.p95 / ref.p95 } : {}) },
  ];
  return [
    ...fig("clusters.list", "sql", clustersSql),
    ...fig("clusters.list", "trpc", clustersTrpc, clustersSql),
    ...fig("deployments.list", "sql", deploymentsSql),
    ...fig("deployments.list", "trpc", deploymentsTrpc, deploymentsSql),
  ];
}
