// A HorizontalPodAutoscaler as Tern's driver writes one: the Deployment of the same name, scaled on its pods'
// requests_per_second.
import type { NewObject } from "../store/types";

export function rpsAutoscaler(o: {
  name: string;
  namespace: string;
  minReplicas: number;
  maxReplicas: number;
  /** Requests per second per pod, as a quantity ("4", "2500m"). */
  averageValue: string;
  scaleDownWindowSeconds?: number;
}) {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: o.name, namespace: o.namespace },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: o.name },
      minReplicas: o.minReplicas,
      maxReplicas: o.maxReplicas,
      metrics: [
        {
          type: "Pods",
          pods: {
            metric: { name: "requests_per_second" },
            target: { type: "AverageValue", averageValue: o.averageValue },
          },
        },
      ],
      ...(o.scaleDownWindowSeconds === undefined
        ? {}
        : { behavior: { scaleDown: { stabilizationWindowSeconds: o.scaleDownWindowSeconds } } }),
    },
  } satisfies NewObject;
}
