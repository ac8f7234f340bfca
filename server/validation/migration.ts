// Migrations and approvals: the request a user makes, the immutable plan Tern stores, and what pages show.
import { z } from "zod";
import { zId, zListInput } from "./common";

export const MIGRATION_STATES = [
  "PENDING_APPROVAL",
  "APPROVED",
  "RUNNING",
  "ROLLING_BACK",
  "SUCCEEDED",
  "ROLLED_BACK",
  "REJECTED",
  "EXPIRED",
  "CANCELLED",
  "FAILED",
] as const;
export const ACTIVE_MIGRATION_STATES = ["PENDING_APPROVAL", "APPROVED", "RUNNING", "ROLLING_BACK"] as const;
export const STEP_KINDS = [
  "COPY_ARTIFACT",
  "DEPLOY_TARGET",
  "WAIT_READY",
  "VERIFY",
  "SHIFT_TRAFFIC",
  "DRAIN_SOURCE",
  "FINALIZE",
  "ROLLBACK_TRAFFIC",
  "REMOVE_TARGET",
] as const;
export const STEP_STATUSES = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED"] as const;

export const zMigrationState = z.enum(MIGRATION_STATES);

/** Traffic steps in percent of requests on the target: increasing, each 1–100, ending at 100. */
export const zTrafficSteps = z
  .array(
    z
      .number()
      .int("traffic steps are whole percentages")
      .min(1, "a traffic step is at least 1 %")
      .max(100, "a traffic step is at most 100 %"),
  )
  .min(1, "give at least one traffic step")
  .max(10, "at most 10 traffic steps")
  .refine((s) => s.every((v, i) => i === 0 || v > s[i - 1]!), {
    error: "traffic steps must increase (e.g. 10, 50, 100)",
  })
  .refine((s) => s[s.length - 1] === 100, { error: "the last traffic step must be 100 %" });

export const ZMigrationRequest = z.object({
  deploymentId: zId,
  targetClusterId: zId,
  /** GPU type on the target; defaults to the source's type when the target has it. */
  targetGpuType: z.string().trim().max(32).optional(),
  trafficSteps: zTrafficSteps.default([10, 50, 100]),
  analysisSeconds: z.coerce
    .number()
    .int("the analysis window is whole seconds")
    .min(5, "the analysis window must be at least 5 s")
    .max(3600, "the analysis window must be at most 3600 s")
    .default(60),
  drainGraceSeconds: z.coerce
    .number()
    .int()
    .min(0, "the drain grace can't be negative")
    .max(3600, "at most 3600 s of drain grace")
    .default(30),
  /** Fewest requests the target must serve in an analysis window for the step to count (less is inconclusive). */
  minRequests: z.coerce.number().int().min(1, "the analysis needs at least 1 request").max(100_000).default(20),
  reason: z.string().trim().max(500, "the reason must be at most 500 characters").optional(),
});
export type MigrationRequest = z.output<typeof ZMigrationRequest>;
export type MigrationRequestInput = z.input<typeof ZMigrationRequest>;

const zPlace = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  cloudName: z.string(),
  provider: z.string(),
  region: z.string(),
  residencyTags: z.array(z.string()),
  namespace: z.string(),
  name: z.string(),
  gpuType: z.string(),
  gpusPerReplica: z.number().int(),
  replicas: z.number().int(),
});

const zMoney = z.number().nullable();

/** The stored plan: everything the approver sees and the executor follows. Its hash binds approvals. */
export const ZMigrationPlan = z.object({
  version: z.literal(1),
  source: zPlace.extend({
    deploymentId: z.string(),
    latencySloMs: z.number().int(),
    minReplicas: z.number().int(),
    maxReplicas: z.number().int(),
  }),
  target: zPlace,
  model: z.object({
    id: z.string(),
    name: z.string(),
    versionId: z.string(),
    version: z.string(),
    format: z.string(),
    runtimeImage: z.string(),
    artifactUri: z.string(),
    targetArtifactUri: z.string().nullable(),
    sha256: z.string(),
    sizeBytes: z.number(),
    residencyTags: z.array(z.string()),
    goldenCases: z.number().int(),
  }),
  checks: z.array(
    z.object({
      id: z.enum(["capacity", "residency", "format", "health", "store", "golden", "traffic"]),
      ok: z.boolean(),
      message: z.string(),
    }),
  ),
  capacity: z.object({
    gpuType: z.string(),
    needed: z.number().int(),
    free: z.number().int().nullable(),
    sourceThroughput: z.number(),
    targetThroughput: z.number(),
  }),
  cost: z.object({
    currency: z.string().nullable(),
    /** Each side in its own catalog currency (plans made before these existed have only `currency`). */
    sourceCurrency: z.string().nullable().optional(),
    targetCurrency: z.string().nullable().optional(),
    beforePerMonth: zMoney,
    afterPerMonth: zMoney,
    overlapCost: zMoney,
    deltaPerMonth: zMoney,
    deltaPercent: zMoney,
    notes: z.array(z.string()),
  }),
  latency: z.object({ sloMs: z.number().int(), sourceP95Ms: zMoney, targetExpectedP95Ms: zMoney, basis: z.string() }),
  artifact: z.object({ sizeBytes: z.number(), estimatedCopySeconds: z.number() }),
  traffic: z.object({
    steps: z.array(z.number().int()),
    analysisSeconds: z.number().int(),
    minRequests: z.number().int(),
    maxErrorRatio: z.number(),
  }),
  verification: z.object({
    absTolerance: z.number(),
    relTolerance: z.number(),
    shadowSamples: z.number().int(),
    readyTimeoutSeconds: z.number().int(),
  }),
  drainGraceSeconds: z.number().int(),
  rollback: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type MigrationPlan = z.infer<typeof ZMigrationPlan>;

export const ZMigrationPreview = z.object({
  ok: z.boolean(),
  plan: ZMigrationPlan,
  planHash: z.string(),
  problems: z.array(z.string()),
  requiredApprovals: z.number().int(),
  approvalReasons: z.array(z.string()),
});
export type MigrationPreview = z.infer<typeof ZMigrationPreview>;

export const ZMigrationTargets = z.object({
  deployment: z.object({
    id: z.string(),
    name: z.string(),
    namespace: z.string(),
    clusterId: z.string(),
    clusterName: z.string(),
    gpuType: z.string(),
  }),
  clusters: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      cloudName: z.string(),
      provider: z.string(),
      region: z.string(),
      health: z.string(),
      gpuTypes: z.array(z.string()),
    }),
  ),
});

export const ZListMigrationsRequest = zListInput(["createdAt", "state"] as const, "createdAt").extend({
  state: zMigrationState.optional(),
  deploymentId: zId.optional(),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

export const ZMigrationListItem = z.object({
  id: z.string(),
  state: zMigrationState,
  modelName: z.string(),
  deploymentName: z.string(),
  sourceClusterName: z.string(),
  targetClusterName: z.string(),
  requestedByEmail: z.string(),
  approvals: z.number().int(),
  requiredApprovals: z.number().int(),
  currentStep: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  trigger: z.enum(["MANUAL", "RECOMMENDATION", "FAILOVER"]),
  /** Non-null when it skipped approval; lists and the page flag it. */
  bypass: z
    .object({
      kind: z.enum(["BREAK_GLASS", "FAILOVER_POLICY"]),
      byEmail: z.string().nullable(),
      reason: z.string().nullable(),
      at: z.date().nullable(),
    })
    .nullable(),
});
export type MigrationListItem = z.infer<typeof ZMigrationListItem>;

export const ZMigrationStep = z.object({
  index: z.number().int(),
  kind: z.enum(STEP_KINDS),
  label: z.string(),
  status: z.enum(STEP_STATUSES),
  attempts: z.number().int(),
  message: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export const ZApprovalDto = z.object({
  approverEmail: z.string(),
  decision: z.enum(["APPROVE", "REJECT"]),
  reason: z.string().nullable(),
  createdAt: z.date(),
  current: z.boolean(),
});

export const ZMigrationDetail = ZMigrationListItem.extend({
  plan: ZMigrationPlan,
  planHash: z.string(),
  reason: z.string().nullable(),
  outcome: z.string().nullable(),
  sourceDeploymentId: z.string(),
  targetDeploymentId: z.string().nullable(),
  expiresAt: z.date(),
  startedAt: z.date().nullable(),
  abortRequested: z.boolean(),
  steps: z.array(ZMigrationStep),
  approvalsList: z.array(ZApprovalDto),
  evidence: z.record(z.string(), z.unknown()),
  /** What the signed-in user may do now, decided by the server (buttons follow it). */
  can: z.object({
    approve: z.boolean(),
    reject: z.boolean(),
    abort: z.boolean(),
    retry: z.boolean(),
    /** An admin may start it without approval (break-glass), where the team's policy allows it. */
    breakGlass: z.boolean(),
    whyNotApprove: z.string().nullable(),
  }),
});
export type MigrationDetail = z.infer<typeof ZMigrationDetail>;

export const ZDecideRequest = z.object({
  migrationId: zId,
  /** The plan the approver saw; a changed plan refuses the decision. */
  planHash: z.string().regex(/^[0-9a-f]{64}$/, "planHash must be the 64-hex hash shown with the plan"),
});
export const ZRejectRequest = ZDecideRequest.extend({
  reason: z
    .string()
    .trim()
    .min(3, "say why you reject it (at least 3 characters)")
    .max(500, "the reason must be at most 500 characters"),
});
export const ZAbortRequest = z.object({ id: zId, reason: z.string().trim().max(500).optional() });

export const ZApprovalPolicy = z
  .object({
    requiredApprovals: z.coerce.number().int().min(1, "at least 1 approver").max(5, "at most 5 approvers"),
    elevatedApprovals: z.coerce.number().int().min(1, "at least 1 approver").max(5, "at most 5 approvers"),
    costIncreasePercent: z.coerce.number().int().min(0, "the cost threshold can't be negative").max(1000),
    elevateCrossResidency: z.boolean(),
    minRole: z.enum(["APPROVER", "ADMIN"], { error: "approvers need the APPROVER or ADMIN role" }),
    requestTtlHours: z.coerce
      .number()
      .int()
      .min(1, "requests must live at least 1 hour")
      .max(720, "at most 720 hours (30 days)"),
    approvalTtlHours: z.coerce
      .number()
      .int()
      .min(1, "approvals must live at least 1 hour")
      .max(720, "at most 720 hours (30 days)"),
    /** Start a failover migration without approvers (it is flagged); off: it waits for approval like any other. */
    failoverAutoStart: z.boolean().default(false),
    /** Minutes a deployment's p95 must stay above its SLO before Tern proposes moving it. */
    failoverSloMinutes: z.coerce
      .number()
      .int()
      .min(1, "an SLO breach counts after at least 1 minute")
      .max(1440, "at most 1440 minutes (a day)")
      .default(10),
    /** Admins may start a pending migration without approval (break-glass), audited and flagged. */
    allowBreakGlass: z.boolean().default(true),
  })
  .refine((p) => p.elevatedApprovals >= p.requiredApprovals, {
    path: ["elevatedApprovals"],
    error: "elevated approvals must be at least the normal number",
  });
export type ApprovalPolicyDto = z.infer<typeof ZApprovalPolicy>;

export const ZGpuEquivalence = z.object({
  gpuType: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "GPU type must be letters, digits and '-'"),
  throughput: z.coerce.number().positive("throughput must be above 0 (A100 = 1.0)").max(100),
});

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  migrationId: z.string().nullable(),
  createdAt: z.date(),
  read: z.boolean(),
});

export const ZWebhookSettings = z.object({
  url: z.url({ protocol: /^https?$/, error: "the webhook URL must be an http(s) URL" }).max(2048),
  /** Write-only: the HMAC secret; leave empty to keep the stored one. */
  secret: z.string().min(16, "the signing secret must be at least 16 characters").max(256).optional(),
  enabled: z.boolean().default(true),
});

export const ZBreakGlassRequest = z.object({
  id: zId,
  reason: z
    .string()
    .trim()
    .min(10, "say why approval is skipped (at least 10 characters); it is shown on the migration and audited")
    .max(500),
});
