// The declarative team document (`tern export` / `tern apply`): clouds, clusters without credentials, GPU prices,
// models with their versions, and deployments, each keyed by name, never by id, so it moves between installs.
import { z } from "zod";
import { ZCreateCloudRequest } from "./cloud";
import { zPrometheusUrl } from "./cluster";
import { zDnsName, zGpuType, zRegion } from "./common";
import { ZGpuPriceFields } from "./gpu-price";
import { ZCreateModelRequest, ZCreateModelVersionRequest, ZGoldenCase } from "./model";

export const TEAM_DOCUMENT_VERSION = "tern/v1";

const zTags = z.array(z.string().trim().min(1).max(32)).default([]);

export const ZDocCloud = ZCreateCloudRequest;
export const ZDocCluster = z.object({
  name: z.string().trim().min(1, "cluster name is required").max(63),
  cloud: z.string().trim().min(1, "say which cloud the cluster belongs to (its name)"),
  region: zRegion,
  prometheusUrl: zPrometheusUrl.nullable().transform((v) => v ?? null),
  residencyTags: zTags,
});
export const ZDocGpuPrice = ZGpuPriceFields;
// An empty golden set is accepted so that older versions that have none still match; apply refuses to create one.
export const ZDocModelVersion = ZCreateModelVersionRequest.omit({ modelId: true }).extend({
  goldenSet: z.array(ZGoldenCase).max(200, "the golden set may hold at most 200 cases"),
});
export const ZDocModel = ZCreateModelRequest.extend({
  description: ZCreateModelRequest.shape.description.nullable().transform((v) => v ?? null),
  residencyTags: zTags,
  versions: z.array(ZDocModelVersion).default([]),
});
export const ZDocDeployment = z
  .object({
    name: zDnsName("deployment name"),
    namespace: zDnsName("namespace"),
    cluster: z.string().trim().min(1, "say which cluster the deployment runs on (its name)"),
    model: z.string().trim().min(1, "say which model the deployment runs (its name)"),
    version: z.string().trim().min(1, "say which model version the deployment runs"),
    replicas: z.number().int().min(0).max(256, "at most 256 replicas"),
    gpusPerReplica: z.number().int().min(0).max(16, "at most 16 GPUs per replica"),
    gpuType: zGpuType,
    minReplicas: z.number().int().min(0).max(256),
    maxReplicas: z.number().int().min(1).max(256),
    latencySloMs: z.number().int().min(1).max(60_000),
  })
  .refine((v) => v.minReplicas <= v.maxReplicas && v.replicas >= v.minReplicas && v.replicas <= v.maxReplicas, {
    path: ["replicas"],
    error: "replicas must lie between minReplicas and maxReplicas, and minReplicas must not exceed maxReplicas",
  });

export const ZTeamDocument = z.object({
  apiVersion: z.literal(TEAM_DOCUMENT_VERSION, { error: `apiVersion must be '${TEAM_DOCUMENT_VERSION}'` }),
  kind: z.literal("Team", { error: "kind must be 'Team'" }),
  team: z.string().optional(),
  clouds: z.array(ZDocCloud).default([]),
  clusters: z.array(ZDocCluster).default([]),
  gpuPrices: z.array(ZDocGpuPrice).default([]),
  models: z.array(ZDocModel).default([]),
  deployments: z.array(ZDocDeployment).default([]),
});
export type TeamDocument = z.output<typeof ZTeamDocument>;

/**
 * What GET /team/export answers: the same document, described loosely because the input schema's normalising
 * transforms (sha256 to lowercase, trimmed text) cannot be expressed in an OpenAPI response schema.
 */
export const ZTeamDocumentOut = z
  .object({ apiVersion: z.literal(TEAM_DOCUMENT_VERSION), kind: z.literal("Team") })
  .catchall(z.unknown())
  .meta({ description: "the team document that POST /team/apply takes (see its request schema)" });

export const ZApplyTeamDocumentRequest = z.object({
  document: ZTeamDocument,
  /** true: compute and return the changes, write nothing. */
  dryRun: z.boolean().default(false),
  /** true: also delete deployments, GPU prices and models the document does not list (never clouds or clusters). */
  prune: z.boolean().default(false),
});

export const CHANGE_KINDS = ["cloud", "cluster", "gpuPrice", "model", "modelVersion", "deployment"] as const;
export const ZTeamChange = z.object({
  action: z.enum(["create", "update", "delete"]),
  kind: z.enum(CHANGE_KINDS),
  name: z.string(),
  /** For updates: each changed field with its value before and after. */
  fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).default([]),
});
export type TeamChange = z.output<typeof ZTeamChange>;

export const ZApplyTeamDocumentResult = z.object({
  dryRun: z.boolean(),
  changes: z.array(ZTeamChange),
  unchanged: z.number().int(),
  /** Things left alone on purpose (e.g. a model pruning skipped while its deployments are being removed). */
  notes: z.array(z.string()),
});
export type ApplyTeamDocumentResult = z.output<typeof ZApplyTeamDocumentResult>;
