// Object validation with the field paths and messages kube-apiserver uses, so 422 bodies read like a real cluster's.
import { qualifiedKind, RESOURCES } from "./resources";
import { matchesLabels, selectorFromSpec, type LabelSelectorSpec } from "./label-selector";
import { StoreError, type StatusCause } from "./store-error";
import type { KubeObject, NewObject, ResourceName } from "./types";

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Formats a value the way Go's %#v does in field.Invalid messages (enough for strings, numbers and label maps). */
function goValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "null";
  if (typeof v === "object" && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>).map(
      ([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`,
    );
    return `map[string]string{${entries.join(", ")}}`;
  }
  return JSON.stringify(v);
}

export const invalid = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: "FieldValueInvalid",
  message: `Invalid value: ${goValue(value)}: ${detail}`,
  field,
});
export const required = (field: string, detail = ""): StatusCause => ({
  reason: "FieldValueRequired",
  message: detail ? `Required value: ${detail}` : "Required value",
  field,
});

function nameCauses(res: ResourceName, name: string, field: string): StatusCause[] {
  const [re, msg, max] =
    res === "namespaces"
      ? [LABEL, LABEL_MSG, 63]
      : res === "services"
        ? [DNS1035, DNS1035_MSG, 63]
        : [SUBDOMAIN, SUBDOMAIN_MSG, 253];
  const causes: StatusCause[] = [];
  if (name.length > max) causes.push(invalid(field, name, `must be no more than ${max} characters`));
  if (!re.test(name)) causes.push(invalid(field, name, msg));
  return causes;
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined;

function containerCauses(podSpec: Obj | undefined, base: string): StatusCause[] {
  const containers = podSpec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) return [required(`${base}.containers`)];
  const causes: StatusCause[] = [];
  containers.forEach((c: unknown, i) => {
    const container = asObj(c) ?? {};
    const at = `${base}.containers[${i}]`;
    if (typeof container.name !== "string" || container.name === "") causes.push(required(`${at}.name`));
    else if (!LABEL.test(container.name)) causes.push(invalid(`${at}.name`, container.name, LABEL_MSG));
    if (typeof container.image !== "string" || container.image.trim() === "") causes.push(required(`${at}.image`));
  });
  return causes;
}

function replicaCauses(spec: Obj): StatusCause[] {
  const r = spec.replicas;
  if (r === undefined) return [];
  if (typeof r !== "number" || !Number.isInteger(r)) return [invalid("spec.replicas", r, "must be an integer")];
  return r < 0 ? [invalid("spec.replicas", r, "must be greater than or equal to 0")] : [];
}

/** Deployments and replica sets: selector required, non-empty, matching the pod template's labels. */
function workloadCauses(obj: KubeObject, kind: string): StatusCause[] {
  const spec = obj.spec ?? {};
  const causes = replicaCauses(spec);
  const template = asObj(spec.template);
  const labels = asObj(asObj(template?.metadata)?.labels) as Record<string, string> | undefined;
  const selector = asObj(spec.selector) as LabelSelectorSpec | undefined;
  if (!selector) causes.push(required("spec.selector"));
  else {
    const reqs = selectorFromSpec(selector);
    if (reqs.length === 0) causes.push(invalid("spec.selector", selector, `empty selector is invalid for ${kind}`));
    else if (!matchesLabels(reqs, labels))
      causes.push(
        invalid("spec.template.metadata.labels", labels ?? {}, "`selector` does not match template `labels`"),
      );
  }
  if (!template) causes.push(required("spec.template"));
  else causes.push(...containerCauses(asObj(template.spec), "spec.template.spec"));
  return causes;
}

/** After ValidateHorizontalPodAutoscalerSpec: a target, bounds (no scale to zero), and well-formed metric targets. */
function hpaCauses(obj: KubeObject): StatusCause[] {
  const spec = obj.spec ?? {};
  const causes: StatusCause[] = [];
  const ref = asObj(spec.scaleTargetRef);
  if (!ref) causes.push(required("spec.scaleTargetRef"));
  else {
    if (typeof ref.kind !== "string" || ref.kind === "") causes.push(required("spec.scaleTargetRef.kind"));
    if (typeof ref.name !== "string" || ref.name === "") causes.push(required("spec.scaleTargetRef.name"));
  }
  const min = spec.minReplicas;
  const max = spec.maxReplicas;
  if (typeof min === "number" && min < 1)
    causes.push(invalid("spec.minReplicas", min, "must be greater than or equal to 1"));
  if (typeof max !== "number" || !Number.isInteger(max)) causes.push(required("spec.maxReplicas"));
  else if (max < 1) causes.push(invalid("spec.maxReplicas", max, "must be greater than or equal to 1"));
  else if (typeof min === "number" && max < min)
    causes.push(invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  const metrics = Array.isArray(spec.metrics) ? spec.metrics : [];
  metrics.forEach((m: unknown, i) => {
    const metric = asObj(m) ?? {};
    const at = `spec.metrics[${i}]`;
    const type = metric.type;
    const source = asObj(
      type === "Pods"
        ? metric.pods
        : type === "Resource"
          ? metric.resource
          : type === "Object"
            ? metric.object
            : undefined,
    );
    if (
      type !== "Pods" &&
      type !== "Resource" &&
      type !== "Object" &&
      type !== "External" &&
      type !== "ContainerResource"
    )
      causes.push(
        invalid(
          `${at}.type`,
          type ?? "",
          'must be one of "ContainerResource", "External", "Object", "Pods", "Resource"',
        ),
      );
    else if ((type === "Pods" || type === "Resource" || type === "Object") && !source)
      causes.push(
        required(`${at}.${String(type).toLowerCase()}`, `must populate information for the given metric source`),
      );
    const target = asObj(source?.target);
    if (source && !target) causes.push(required(`${at}.${String(type).toLowerCase()}.target`));
    for (const key of ["averageValue", "averageUtilization", "value"]) {
      const v = target?.[key];
      const n = typeof v === "string" ? Number.parseFloat(v) : v;
      if (v !== undefined && (typeof n !== "number" || !(n > 0)))
        causes.push(invalid(`${at}.${String(type).toLowerCase()}.target.${key}`, v, "must be positive"));
    }
  });
  return causes;
}

function specCauses(res: ResourceName, obj: KubeObject): StatusCause[] {
  switch (res) {
    case "horizontalpodautoscalers":
      return hpaCauses(obj);
    case "deployments":
      return workloadCauses(obj, "deployment");
    case "replicasets":
      return workloadCauses(obj, "replicaset");
    case "pods":
      return containerCauses(obj.spec, "spec");
    case "services": {
      const ports = obj.spec?.ports;
      if (!Array.isArray(ports)) return [];
      return ports.flatMap((p: unknown, i) => {
        const port = asObj(p)?.port;
        return typeof port === "number" && port >= 1 && port <= 65535
          ? []
          : [invalid(`spec.ports[${i}].port`, port ?? 0, "must be between 1 and 65535, inclusive")];
      });
    }
    case "httproutes":
      return httpRouteCauses(obj.spec);
    default:
      return [];
  }
}

/** The CRD's OpenAPI rules for backendRefs (the ones a router writes): a name, and a weight from 0 to 1000000. */
function httpRouteCauses(spec: Obj | undefined): StatusCause[] {
  const rules = spec?.rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule: unknown, i) => {
    const refs = asObj(rule)?.backendRefs;
    if (!Array.isArray(refs)) return [];
    return refs.flatMap((r: unknown, j) => {
      const ref = asObj(r) ?? {};
      const at = `spec.rules[${i}].backendRefs[${j}]`;
      const causes: StatusCause[] = [];
      if (typeof ref.name !== "string" || ref.name === "") causes.push(required(`${at}.name`));
      const w = ref.weight;
      if (w !== undefined && (typeof w !== "number" || !Number.isInteger(w) || w < 0 || w > 1_000_000))
        causes.push(invalid(`${at}.weight`, w, "should be an integer from 0 to 1000000"));
      return causes;
    });
  });
}

function labelMapCauses(field: string, m: unknown): StatusCause[] {
  const map = asObj(m);
  if (!map) return [];
  return Object.entries(map).flatMap(([k, v]) =>
    typeof v === "string" && v.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v)
      ? []
      : [
          invalid(
            `${field}`,
            v,
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          ),
        ].map((c) => ({ ...c, field: `${field}.${k}` })),
  );
}

/** Throws a StoreError("Invalid") listing every problem, like kube-apiserver's 422. */
export function validateObject(res: ResourceName, obj: KubeObject | NewObject, old?: KubeObject): void {
  const info = RESOURCES[res];
  const name = obj.metadata.name ?? "";
  const causes: StatusCause[] = [];
  if (!name) causes.push(required("metadata.name", "name or generateName is required"));
  else causes.push(...nameCauses(res, name, "metadata.name"));
  if (info.namespaced && !obj.metadata.namespace) causes.push(required("metadata.namespace"));
  causes.push(...labelMapCauses("metadata.labels", obj.metadata.labels));
  causes.push(...specCauses(res, obj as KubeObject));
  if (
    old &&
    (res === "deployments" || res === "replicasets") &&
    JSON.stringify(old.spec?.selector) !== JSON.stringify(obj.spec?.selector)
  ) {
    causes.push(invalid("spec.selector", obj.spec?.selector ?? null, "field is immutable"));
  }
  if (causes.length === 0) return;
  throw invalidError(res, name, causes);
}

export function invalidError(res: ResourceName, name: string, causes: StatusCause[]): StoreError {
  const info = RESOURCES[res];
  const parts = causes.map((c) => `${c.field}: ${c.message}`);
  const summary = parts.length === 1 ? parts[0]! : `[${parts.join(", ")}]`;
  return new StoreError("Invalid", `${qualifiedKind(info)} ${JSON.stringify(name)} is invalid: ${summary}`, {
    causes,
    details: { name, ...(info.group ? { group: info.group } : {}), kind: info.kind },
  });
}
