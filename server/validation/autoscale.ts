// What a deployment's HorizontalPodAutoscaler scales on, with defaults per serving runtime: shared by the deploy
// form and the server.
import { z } from "zod";

export const AUTOSCALE_METRICS = ["RPS", "CONCURRENCY", "GPU_UTILIZATION"] as const;
export type AutoscaleMetricName = (typeof AUTOSCALE_METRICS)[number];
export const zAutoscaleMetric = z.enum(AUTOSCALE_METRICS);

/** Upper bounds that catch unit mistakes (percent above 100, a per-cluster rate typed as per-replica). */
const MAX_TARGET: Record<AutoscaleMetricName, number> = { RPS: 100_000, CONCURRENCY: 10_000, GPU_UTILIZATION: 100 };

/**
 * LLM servers (vLLM, TGI, SGLang) batch requests, so requests in flight say more than their rate; Triton packs a GPU,
 * so its busy percentage does; single-model servers (ONNX, TorchServe, TF Serving) scale on requests per second.
 */
export function defaultAutoscaleTarget(runtimeImage: string): { metric: AutoscaleMetricName; target: number } {
  if (/vllm|text-generation-inference|tgi|sglang/i.test(runtimeImage)) return { metric: "CONCURRENCY", target: 16 };
  if (/triton/i.test(runtimeImage)) return { metric: "GPU_UTILIZATION", target: 70 };
  return { metric: "RPS", target: 5 };
}

/** A sensible target for a metric whatever the runtime. */
export const defaultTargetFor = (metric: AutoscaleMetricName): number =>
  ({ RPS: 5, CONCURRENCY: 16, GPU_UTILIZATION: 70 })[metric];

/** Why a target does not fit its metric, or null. */
export function autoscaleTargetProblem(metric: AutoscaleMetricName, target: number): string | null {
  if (!(target > 0)) return "the autoscaling target must be greater than 0";
  if (target > MAX_TARGET[metric])
    return metric === "GPU_UTILIZATION"
      ? "GPU utilisation is a percentage: the target must be at most 100"
      : `the autoscaling target must be at most ${MAX_TARGET[metric]} per replica`;
  return null;
}
