// Field selectors with the fields each resource supports on a real API server; unknown fields are a 400 like there.
import { StoreError } from "./store-error";
import type { KubeObject, ResourceName } from "./types";

export interface FieldRequirement {
  field: string;
  op: "=" | "!=";
  value: string;
}

type FieldGetter = (o: KubeObject) => string;

const str = (v: unknown): string =>
  v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v);

function path(p: string): FieldGetter {
  const keys = p.split(".");
  return (o) => {
    let cur: unknown = o;
    for (const k of keys)
      cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined;
    return str(cur);
  };
}

const COMMON = ["metadata.name", "metadata.namespace"];

/** From the registry strategies' GetAttrs/ToSelectableFields in kubernetes/pkg/registry. */
const SUPPORTED: Record<ResourceName, string[]> = {
  namespaces: [...COMMON, "status.phase"],
  nodes: [...COMMON, "spec.unschedulable"],
  pods: [
    ...COMMON,
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.nominatedNodeName",
  ],
  services: [...COMMON, "spec.clusterIP", "spec.type"],
  events: [
    ...COMMON,
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ],
  deployments: [...COMMON],
  replicasets: [...COMMON, "status.replicas"],
  httproutes: [...COMMON],
  horizontalpodautoscalers: [...COMMON],
};

const GETTERS: Record<string, FieldGetter> = {
  "spec.hostNetwork": (o) => str(o.spec?.hostNetwork ?? false),
  "spec.unschedulable": (o) => str(o.spec?.unschedulable ?? false),
  source: (o) => str((o.source as { component?: string } | undefined)?.component),
};

/** Unescapes `\,` `\=` `\\` as fields.Parse does. */
function unescape(s: string): string {
  return s.replace(/\\(.)/g, "$1");
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\" && i + 1 < s.length) {
      cur += ch + s[i + 1]!;
      i++;
    } else if (ch === sep) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseFieldSelector(res: ResourceName, selector: string | undefined): FieldRequirement[] {
  if (!selector || selector.trim() === "") return [];
  return splitUnescaped(selector, ",").map((part) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/s.exec(part.trim());
    if (!m) throw new StoreError("BadRequest", `invalid selector: '${selector}'; can't understand '${part}'`);
    const field = m[1]!.trim();
    if (!SUPPORTED[res].includes(field)) throw new StoreError("BadRequest", `field label not supported: ${field}`);
    return { field, op: m[2] === "!=" ? "!=" : "=", value: unescape(m[3]!) };
  });
}

export function matchesFields(reqs: FieldRequirement[], obj: KubeObject): boolean {
  return reqs.every((r) => {
    const actual = (GETTERS[r.field] ?? path(r.field))(obj);
    return r.op === "=" ? actual === r.value : actual !== r.value;
  });
}
