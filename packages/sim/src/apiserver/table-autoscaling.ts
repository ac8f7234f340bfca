// The HorizontalPodAutoscaler table, after printHorizontalPodAutoscaler in kubernetes/pkg/printers/internalversion.
import { formatMetricTargets } from "../store/hpa-metrics";
import type { ResourceName } from "../store/types";
import { AGE, age, col, NAME, num, o, str, type ResourceTable } from "./table-cells";

export const AUTOSCALING_TABLES: Record<Extract<ResourceName, "horizontalpodautoscalers">, ResourceTable> = {
  horizontalpodautoscalers: {
    columns: [
      NAME,
      col("Reference", "Reference to the scaled object (kind/name)."),
      col("Targets", "Current and target value of each metric."),
      col("MinPods", "Lower limit for the number of pods that can be set by the autoscaler, default 1.", {
        type: "integer",
      }),
      col("MaxPods", "Upper limit for the number of pods that can be set by the autoscaler.", { type: "integer" }),
      col("Replicas", "Current number of replicas of pods managed by this autoscaler.", { type: "integer" }),
      AGE,
    ],
    cells: (h) => {
      const spec = o(h.spec);
      const ref = o(spec.scaleTargetRef);
      return [
        h.metadata.name,
        `${str(ref.kind, "")}/${str(ref.name, "")}`,
        formatMetricTargets(spec.metrics, o(h.status).currentMetrics),
        spec.minReplicas === undefined ? "<unset>" : num(spec.minReplicas),
        num(spec.maxReplicas),
        num(o(h.status).currentReplicas),
        age(h),
      ];
    },
  },
};
