// Inputs for the deployments list (deploying itself arrives with the cluster driver).
import { z } from "zod";
import { zId, zListInput } from "./common";

export const ZListDeploymentsRequest = zListInput(["name", "phase", "createdAt", "replicas"] as const, "name").extend({
  phase: z.string().max(32).optional(),
  clusterId: zId.optional(),
});
export type ListDeploymentsRequest = z.input<typeof ZListDeploymentsRequest>;

export const ZDeployment = z.object({
  id: z.string(),
  namespace: z.string(),
  name: z.string(),
  replicas: z.number().int(),
  readyReplicas: z.number().int(),
  gpusPerReplica: z.number().int(),
  gpuType: z.string(),
  latencySloMs: z.number().int(),
  phase: z.string(),
  endpoint: z.string().nullable(),
  createdAt: z.date(),
  cluster: z.object({ id: z.string(), name: z.string(), region: z.string() }),
  modelVersion: z.object({ id: z.string(), version: z.string(), model: z.object({ id: z.string(), name: z.string() }) }),
});
export type DeploymentDto = z.infer<typeof ZDeployment>;
