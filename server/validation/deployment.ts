// Inputs for the deployments list (deploying itself arrives with the cluster driver).
import { z } from "zod";
import { DEPLOYMENT_PHASES } from "../domain/values";
import { autoscaleTargetProblem, zAutoscaleMetric } from "./autoscale";
import { zDnsName, zId, zListInput } from "./common";

export const zDeploymentPhase = z.enum(DEPLOYMENT_PHASES);

export const ZListDeploymentsRequest = zListInput(["name", "phase", "createdAt", "replicas"] as const, "name").extend({
  phase: zDeploymentPhase.optional(),
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
  phase: zDeploymentPhase,
  endpoint: z.string().nullable(),
  createdAt: z.date(),
  cluster: z.object({ id: z.string(), name: z.string(), region: z.string() }),
  modelVersion: z.object({
    id: z.string(),
    version: z.string(),
    model: z.object({ id: z.string(), name: z.string() }),
  }),
});
export type DeploymentDto = z.infer<typeof ZDeployment>;

export const ZDeploymentTarget = z.object({
  clusterId: zId,
  modelVersionId: zId,
  gpuType: z.string().trim().min(1, "pick a GPU type").max(32),
  gpusPerReplica: z.coerce
    .number()
    .int("GPUs per replica must be a whole number")
    .min(0, "GPUs per replica can't be negative")
    .max(16, "at most 16 GPUs per replica"),
  replicas: z.coerce
    .number()
    .int("replicas must be a whole number")
    .min(0, "replicas must be 0 or more")
    .max(256, "at most 256 replicas"),
});

export const ZCreateDeploymentRequest = ZDeploymentTarget.extend({
  namespace: zDnsName("namespace"),
  name: zDnsName("deployment name"),
  minReplicas: z.coerce.number().int().min(0, "minimum replicas must be 0 or more").max(256),
  maxReplicas: z.coerce.number().int().min(1, "maximum replicas must be at least 1").max(256, "at most 256 replicas"),
  latencySloMs: z.coerce
    .number()
    .int("latency SLO is a whole number of milliseconds")
    .min(1, "latency SLO must be at least 1 ms")
    .max(60_000, "latency SLO above 60 s looks wrong; it is in milliseconds"),
  /** What the HorizontalPodAutoscaler scales on; the serving runtime's default when absent. */
  autoscaleMetric: zAutoscaleMetric.optional(),
  /** Target per replica (requests/s, requests in flight, or GPU percent); the runtime's default when absent. */
  autoscaleTarget: z.number().optional(),
})
  .superRefine((v, ctx) => {
    if (v.autoscaleTarget === undefined) return;
    const problem = autoscaleTargetProblem(v.autoscaleMetric ?? "RPS", v.autoscaleTarget);
    if (problem) ctx.addIssue({ code: "custom", path: ["autoscaleTarget"], message: problem });
  })
  .refine((v) => v.minReplicas <= v.maxReplicas, {
    path: ["maxReplicas"],
    error: "maximum replicas must be at least the minimum",
  })
  .refine((v) => v.replicas >= v.minReplicas && v.replicas <= v.maxReplicas, {
    path: ["replicas"],
    error: "replicas must lie between the autoscaling minimum and maximum",
  });
export type CreateDeploymentRequest = z.infer<typeof ZCreateDeploymentRequest>;

export const ZScaleDeploymentRequest = z.object({
  id: zId,
  replicas: z.coerce
    .number()
    .int("replicas must be a whole number")
    .min(0, "replicas must be 0 or more")
    .max(256, "at most 256 replicas"),
});

export const ZPreflight = z.object({
  ok: z.boolean(),
  capacity: z.object({
    gpuType: z.string(),
    needed: z.number(),
    free: z.number().nullable(),
    allocatable: z.number().nullable(),
    ok: z.boolean(),
  }),
  residency: z.object({ required: z.array(z.string()), cluster: z.array(z.string()), ok: z.boolean() }),
  format: z.object({ format: z.string(), runtimeImage: z.string(), ok: z.boolean() }),
  gpuTypes: z.array(z.string()),
  problems: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type PreflightDto = z.infer<typeof ZPreflight>;

export const ZPodState = z.object({
  name: z.string(),
  phase: z.string(),
  ready: z.boolean(),
  restarts: z.number(),
  reason: z.string().nullable().optional(),
  node: z.string().nullable().optional(),
});
export const ZDeploymentEvent = z.object({ reason: z.string(), message: z.string(), type: z.string(), at: z.string() });

/** A Kubernetes status condition, as the Deployment and the HPA report them. */
const ZCondition = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
});

export const ZAutoscalerStatus = z.object({
  metric: zAutoscaleMetric,
  target: z.number(),
  currentReplicas: z.number().int().nullable(),
  desiredReplicas: z.number().int().nullable(),
  currentValue: z.number().nullable(),
  lastScaleAt: z.date().nullable(),
  conditions: z.array(ZCondition),
});

export const ZDeploymentDetail = ZDeployment.extend({
  minReplicas: z.number().int(),
  maxReplicas: z.number().int(),
  autoscaler: ZAutoscalerStatus,
  availableReplicas: z.number().int(),
  updatedReplicas: z.number().int(),
  conditions: z.array(ZCondition),
  pods: z.array(ZPodState),
  recentEvents: z.array(ZDeploymentEvent),
  lastEvent: z.string().nullable(),
  lastError: z.string().nullable(),
  specGeneration: z.number().int(),
  appliedGeneration: z.number().int(),
  deleting: z.boolean(),
  statusUpdatedAt: z.date().nullable(),
  cluster: z.object({ id: z.string(), name: z.string(), region: z.string(), health: z.string() }),
});
export type DeploymentDetailDto = z.infer<typeof ZDeploymentDetail>;

/** The tail of one of a deployment's pods' logs (the model server container). */
export const ZDeploymentLogsRequest = z.object({
  id: zId,
  /** A pod of this deployment; the first ready one when absent. */
  pod: z
    .string()
    .max(253)
    .regex(
      /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
      "pod must be a Kubernetes pod name (lowercase letters, digits, '-', '.')",
    )
    .optional(),
  tailLines: z
    .number()
    .int()
    .min(1, "tail lines must be at least 1")
    .max(2000, "tail lines must be at most 2000")
    .default(200),
  previous: z.boolean().default(false),
  timestamps: z.boolean().default(false),
});
export type DeploymentLogsRequest = z.output<typeof ZDeploymentLogsRequest>;

export const ZDeploymentLogs = z.object({
  pods: z.array(z.object({ name: z.string(), phase: z.string(), ready: z.boolean(), restarts: z.number().int() })),
  /** The pod whose logs these are (null when the deployment has no pods). */
  pod: z.string().nullable(),
  container: z.string().nullable(),
  lines: z.array(z.string()),
  truncated: z.boolean(),
  fetchedAt: z.date(),
  /** Why the cluster could not give the pods or the logs (as data: the rest of the page still works). */
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
});
export type DeploymentLogsDto = z.infer<typeof ZDeploymentLogs>;
