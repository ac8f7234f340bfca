// The deployments/scale subresource as autoscaling/v1 Scale, the shape `kubectl scale` and HPA clients use.
import type { KubeObject } from "../store/types";
import { isRecord } from "./respond";
import { HttpError } from "./status-errors";

export function toScale(d: KubeObject): KubeObject {
  const selector =
    isRecord(d.spec?.selector) && isRecord(d.spec.selector.matchLabels) ? d.spec.selector.matchLabels : {};
  const { name, namespace, uid, resourceVersion, creationTimestamp } = d.metadata;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name, ...(namespace ? { namespace } : {}), uid, resourceVersion, creationTimestamp },
    spec: { replicas: typeof d.spec?.replicas === "number" ? d.spec.replicas : 0 },
    status: {
      replicas: typeof d.status?.replicas === "number" ? d.status.replicas : 0,
      selector: Object.entries(selector)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(","),
    },
  };
}

/** Applies a Scale written by a client onto its deployment; the Scale's resourceVersion is a precondition. */
export function fromScale(d: KubeObject, scale: unknown): KubeObject {
  if (!isRecord(scale) || !isRecord(scale.spec))
    throw new HttpError("BadRequest", "the object provided is not a Scale");
  const replicas = scale.spec.replicas;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw new HttpError(
      "Invalid",
      `Scale.autoscaling "${d.metadata.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
      {
        name: d.metadata.name,
        group: "autoscaling",
        kind: "Scale",
        causes: [
          {
            reason: "FieldValueInvalid",
            message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
            field: "spec.replicas",
          },
        ],
      },
    );
  }
  const meta = isRecord(scale.metadata) ? scale.metadata : {};
  const next = structuredClone(d);
  next.spec = { ...next.spec, replicas };
  next.metadata.resourceVersion =
    typeof meta.resourceVersion === "string" && meta.resourceVersion
      ? meta.resourceVersion
      : d.metadata.resourceVersion;
  return next;
}
