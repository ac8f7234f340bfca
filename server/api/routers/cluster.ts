// Clusters: import (kubeconfig or URL + token), list, edit, remove. Credentials never leave the server.
import { z } from "zod";
import { createTRPCRouter, rest, roleProcedure } from "../trpc";
import {
  ZCluster,
  ZImportClusterRequest,
  ZInspectKubeconfigRequest,
  ZInspectKubeconfigResponse,
  ZListClustersRequest,
  ZUpdateClusterRequest,
} from "../../validation/cluster";
import { zId, zPage } from "../../validation/common";
import { importCluster } from "../../services/clusters/import-cluster";
import { inspectKubeconfig } from "../../services/clusters/inspect-kubeconfig";
import { listClusters } from "../../services/clusters/list-clusters";
import { getCluster } from "../../services/clusters/get-cluster";
import { updateCluster } from "../../services/clusters/update-cluster";
import { deleteCluster } from "../../services/clusters/delete-cluster";
import { testClusterConnection } from "../../services/clusters/test-cluster-connection";

export const clusterRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .meta(rest("GET", "/clusters", "List the team's clusters"))
    .input(ZListClustersRequest)
    .output(zPage(ZCluster))
    .query(({ ctx, input }) => listClusters({ ...ctx.svc, input })),
  get: roleProcedure("VIEWER")
    .meta(rest("GET", "/clusters/{id}", "Get a cluster"))
    .input(z.object({ id: zId }))
    .output(ZCluster)
    .query(({ ctx, input }) => getCluster({ ...ctx.svc, id: input.id })),
  // A mutation so the kubeconfig travels in a POST body, never in a URL.
  inspectKubeconfig: roleProcedure("OPERATOR")
    .input(ZInspectKubeconfigRequest)
    .output(ZInspectKubeconfigResponse)
    .mutation(({ input }) => inspectKubeconfig(input.kubeconfig)),
  import: roleProcedure("OPERATOR")
    .input(ZImportClusterRequest)
    .output(ZCluster)
    .mutation(({ ctx, input }) => importCluster({ ...ctx.svc, role: ctx.team.role, input })),
  update: roleProcedure("OPERATOR")
    .input(ZUpdateClusterRequest)
    .output(ZCluster)
    .mutation(({ ctx, input }) => updateCluster({ ...ctx.svc, input })),
  // A quick, time-limited read of the cluster; a mutation because it records health and capacity.
  testConnection: roleProcedure("OPERATOR")
    .input(z.object({ id: zId }))
    .output(
      z.discriminatedUnion("ok", [
        z.object({
          ok: z.literal(true),
          version: z.string(),
          canCreateDeployments: z.boolean(),
          gpuCapacity: z.record(z.string(), z.object({ allocatable: z.number(), allocated: z.number() })),
          nodes: z.number(),
        }),
        z.object({ ok: z.literal(false), error: z.string(), kind: z.string() }),
      ]),
    )
    .mutation(({ ctx, input }) => testClusterConnection({ ...ctx.svc, id: input.id })),
  delete: roleProcedure("OPERATOR")
    .input(z.object({ id: zId }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteCluster({ ...ctx.svc, id: input.id })),
});
