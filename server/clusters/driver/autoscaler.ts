// The HorizontalPodAutoscaler Tern applies beside each model Deployment (autoscaling/v2), and its status as plain data.
import type { V2HorizontalPodAutoscaler } from "@kubernetes/client-node";
import { ternLabels } from "./manifests";
import { DEPLOYMENT_ID_LABEL } from "./summarize";
import type { AutoscalerInfo, AutoscaleMetricKind, ModelDeploymentSpec } from "./types";

/**
 * The pods metric each target reads, as a metrics adapter serves it (prometheus-adapter rules in the README): the
 * simulated clusters serve the same names from their request counters.
 */
export const AUTOSCALE_METRIC_NAMES: Record<AutoscaleMetricKind, string> = {
  RPS: "requests_per_second",
  CONCURRENCY: "inference_concurrency",
  GPU_UTILIZATION: "DCGM_FI_DEV_GPU_UTIL",
};

/** A Kubernetes quantity for a target: plain when whole, else milli-units ("2500m"). */
export function quantity(v: number): string {
  const milli = Math.round(v * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Parses the quantities the HPA reports ("7", "2500m", "1.5"); undefined when absent or unreadable. */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (typeof q === "number") return q;
  const m = /^([0-9.]+)(m|k)?$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number.parseFloat(m[1]!);
  return m[2] === "m" ? n / 1000 : m[2] === "k" ? n * 1000 : n;
}

/**
 * Kubernetes refuses minReplicas 0 without the HPAScaleToZero feature gate, and scaling from zero needs a
 * request-driven activator Tern does not ship: a minimum of 0 becomes 1 on the cluster (the UI says so).
 */
export const clusterMinReplicas = (min: number): number => Math.max(1, min);

export function autoscalerManifest(spec: ModelDeploymentSpec) {
  const a = spec.autoscale!;
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: spec.name, namespace: spec.namespace, labels: ternLabels(spec) },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: spec.name },
      minReplicas: clusterMinReplicas(a.minReplicas),
      maxReplicas: Math.max(a.maxReplicas, clusterMinReplicas(a.minReplicas)),
      metrics: [
        {
          type: "Pods",
          pods: {
            metric: { name: AUTOSCALE_METRIC_NAMES[a.metric] },
            target: { type: "AverageValue", averageValue: quantity(a.target) },
          },
        },
      ],
    },
  };
}

export function toAutoscalerInfo(h: V2HorizontalPodAutoscaler): AutoscalerInfo {
  const labels = h.metadata?.labels ?? {};
  const deploymentId = labels[DEPLOYMENT_ID_LABEL];
  const current = h.status?.currentMetrics?.[0]?.pods?.current?.averageValue;
  const lastScale = h.status?.lastScaleTime as Date | string | undefined;
  const currentValue = parseQuantity(current);
  return {
    namespace: h.metadata?.namespace ?? "",
    name: h.metadata?.name ?? "",
    uid: h.metadata?.uid ?? "",
    resourceVersion: h.metadata?.resourceVersion ?? "",
    ...(deploymentId ? { deploymentId } : {}),
    minReplicas: h.spec?.minReplicas ?? 1,
    maxReplicas: h.spec?.maxReplicas ?? 1,
    currentReplicas: h.status?.currentReplicas ?? 0,
    desiredReplicas: h.status?.desiredReplicas ?? 0,
    ...(currentValue !== undefined ? { currentValue } : {}),
    ...(lastScale ? { lastScaleTime: new Date(lastScale).toISOString() } : {}),
    conditions: (h.status?.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    })),
  };
}
