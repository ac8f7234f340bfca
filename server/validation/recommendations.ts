// Recommendations (placement optimizer): what-if request and the plan the page shows.
import { z } from "zod";
import { zId } from "./common";

const zCurrency = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, "a currency is a 3-letter ISO code such as USD or CNY");
const zGpuType = z.string().trim().min(1).max(32);

export const ZSolveRecommendationsRequest = z.object({
  currency: zCurrency.optional(),
  /** Units of the plan currency per unit of another currency. */
  rates: z.record(zCurrency, z.number().positive("a rate must be above 0")).default({}),
  horizonMonths: z
    .number()
    .min(1, "the horizon is at least 1 month")
    .max(60, "the horizon is at most 60 months")
    .default(6),
  overlapHours: z.number().min(0).max(720).default(2),
  egressPerGb: z.number().min(0).max(10).optional(),
  maxMoves: z.number().int().min(0).max(1000).nullable().default(null),
  pins: z
    .array(z.object({ deploymentId: zId, clusterId: zId.optional() }))
    .max(1000)
    .default([]),
  excludedClusterIds: z.array(zId).max(500).default([]),
  allowUnknownLatency: z.boolean().default(false),
  whatIf: z
    .object({
      prices: z
        .array(z.object({ clusterId: zId, gpuType: zGpuType, pricePerGpuHour: z.number().min(0) }))
        .max(200)
        .default([]),
      removedClusterIds: z.array(zId).max(500).default([]),
      addedCapacity: z
        .array(z.object({ clusterId: zId, gpuType: zGpuType, gpus: z.number().int().min(1).max(100_000) }))
        .max(200)
        .default([]),
    })
    .default({ prices: [], removedClusterIds: [], addedCapacity: [] }),
  timeLimitSeconds: z.number().min(1).max(60).default(10),
});
export type SolveRecommendationsRequest = z.output<typeof ZSolveRecommendationsRequest>;
export type SolveRecommendationsInput = z.input<typeof ZSolveRecommendationsRequest>;

const zPlaced = z.object({
  clusterId: z.string(),
  gpuType: z.string(),
  replicas: z.number(),
  gpus: z.number(),
  monthlyCost: z.number(),
});

export const ZRecommendationsPlan = z.object({
  status: z.enum(["optimal", "feasible", "infeasible", "unsolved"]),
  currency: z.string(),
  currentMonthlyCost: z.number(),
  plannedMonthlyCost: z.number(),
  savingsPerMonth: z.number(),
  oneOffMoveCost: z.number(),
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  solveMs: z.number(),
  firstFeasibleMs: z.number().nullable(),
  variables: z.number(),
  moves: z.array(
    z.object({
      deploymentId: z.string(),
      deploymentName: z.string(),
      fromClusterIds: z.array(z.string()),
      to: zPlaced,
      monthlyBefore: z.number(),
      monthlyAfter: z.number(),
      moveCost: z.number(),
      reasons: z.array(z.enum(["price", "slo", "residency", "capacity", "excluded", "pinned"])),
    }),
  ),
  binding: z.array(
    z.union([
      z.object({
        kind: z.literal("capacity"),
        clusterId: z.string(),
        clusterName: z.string(),
        gpuType: z.string(),
        used: z.number(),
        capacity: z.number(),
      }),
      z.object({ kind: z.literal("max-moves"), used: z.number(), limit: z.number() }),
    ]),
  ),
  conflicts: z.array(z.object({ kind: z.string(), deploymentIds: z.array(z.string()), message: z.string() })),
  clusters: z.array(z.object({ id: z.string(), name: z.string(), cloud: z.string(), gpuTypes: z.array(z.string()) })),
  notes: z.array(z.string()),
});
export type RecommendationsPlan = z.infer<typeof ZRecommendationsPlan>;

export const ZRequestMovesRequest = z.object({
  moves: z
    .array(z.object({ deploymentId: zId, targetClusterId: zId, targetGpuType: zGpuType }))
    .min(1, "select at least one move")
    .max(50, "at most 50 moves at once"),
  reason: z.string().trim().max(500).optional(),
});

export const ZRequestMovesResponse = z.object({
  results: z.array(
    z.object({
      deploymentId: z.string(),
      ok: z.boolean(),
      migrationId: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

export const ZSavingsSummary = z.object({
  state: z.enum(["ready", "computing", "failed"]),
  savingsPerMonth: z.number().nullable(),
  currency: z.string().nullable(),
  moves: z.number(),
  status: z.enum(["optimal", "feasible", "infeasible", "unsolved"]).nullable(),
  computedAt: z.date().nullable(),
  error: z.string().nullable(),
});
