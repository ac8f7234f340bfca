// OpenAPI v3 component schemas derived from @kubernetes/client-node's generated models (types and formats from
// each class's attributeTypeMap, descriptions and required fields from its .d.ts), so `kubectl explain` sees the
// same fields and documentation as on a real API server without anything typed by hand.
import * as models from "@kubernetes/client-node";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type Json = Record<string, unknown>;
interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}
interface ModelClass {
  getAttributeTypeMap(): Attribute[];
}

const META_TYPES = new Set([
  "ObjectMeta",
  "ListMeta",
  "LabelSelector",
  "LabelSelectorRequirement",
  "ManagedFieldsEntry",
  "OwnerReference",
  "Status",
  "StatusDetails",
  "StatusCause",
  "Condition",
]);
const APPS_PREFIXES = ["Deployment", "RollingUpdateDeployment", "ReplicaSet", "StatefulSet", "DaemonSet"];
const AUTOSCALING_V1 = new Set(["Scale", "ScaleSpec", "ScaleStatus"]);

export const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** `V1DeploymentSpec` → `io.k8s.api.apps.v1.DeploymentSpec`; `CoreV1Event` → `io.k8s.api.core.v1.Event`. */
export function definitionName(className: string): string {
  const m = /^(?:Core)?(V\d+(?:(?:alpha|beta)\d+)?)(.+)$/.exec(className);
  if (!m) return className;
  const version = m[1]!.toLowerCase();
  const name = m[2]!;
  if (META_TYPES.has(name)) return `io.k8s.apimachinery.pkg.apis.meta.${version}.${name}`;
  if (AUTOSCALING_V1.has(name) || version === "v2") return `io.k8s.api.autoscaling.${version}.${name}`;
  if (APPS_PREFIXES.some((p) => name.startsWith(p))) return `io.k8s.api.apps.${version}.${name}`;
  return `io.k8s.api.core.${version}.${name}`;
}

interface Docs {
  description: string | undefined;
  fields: Map<string, { description: string | undefined; required: boolean }>;
}

let modelsDir: string | undefined;
function docsDir(): string {
  if (!modelsDir) {
    const entry = createRequire(import.meta.url).resolve("@kubernetes/client-node");
    modelsDir = path.join(path.dirname(entry), "gen", "models");
  }
  return modelsDir;
}

const joinComment = (body: string) =>
  body
    .split("\n")
    .map((l) => l.replace(/^\s*\*\s?/, "").trim())
    .filter((l) => l !== "")
    .join(" ");

/** Reads the generator's doc comments: the class's description, each property's description and optionality. */
function readDocs(className: string): Docs {
  let text = "";
  try {
    text = readFileSync(path.join(docsDir(), `${className}.d.ts`), "utf8");
  } catch {
    return { description: undefined, fields: new Map() };
  }
  const cls = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export declare class/.exec(text);
  const fields = new Map<string, { description: string | undefined; required: boolean }>();
  const prop = /(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?\n\s*'([^']+)'(\?)?:/g;
  for (const m of text.matchAll(prop)) {
    fields.set(m[2]!, { description: m[1] ? joinComment(m[1]) : undefined, required: m[3] !== "?" });
  }
  return { description: cls ? joinComment(cls[1]!) : undefined, fields };
}

const modelOf = (className: string): ModelClass | undefined => {
  const c = (models as unknown as Record<string, unknown>)[className];
  return typeof c === "function" && "getAttributeTypeMap" in c ? (c as unknown as ModelClass) : undefined;
};

/** A property's schema for one attributeTypeMap type; model types are queued for their own component. */
function typeSchema(type: string, format: string, queue: (cls: string) => void): Json {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: "array", items: typeSchema(array[1]!, format, queue) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: "object", additionalProperties: typeSchema(map[1]!, format, queue) };
  switch (type) {
    case "string":
      return { type: "string", ...(format ? { format } : {}) };
    case "number":
      return format === "double" || format === "float"
        ? { type: "number", format }
        : { type: "integer", format: format || "int32" };
    case "boolean":
      return { type: "boolean" };
    case "Date":
      return { type: "string", format: "date-time" };
    case "IntOrString":
      return { allOf: [ref(INT_OR_STRING)] };
    case "any":
    case "object":
      return { type: "object", "x-kubernetes-preserve-unknown-fields": true };
  }
  if (!modelOf(type)) return { type: "object" };
  queue(type);
  return { allOf: [ref(definitionName(type))], default: {} };
}

/**
 * The component schemas for `roots` and every model they reach, keyed by definition name.
 * `gvks` gives the x-kubernetes-group-version-kind of the classes that are API kinds.
 */
export function modelSchemas(
  roots: string[],
  gvks: Map<string, { group: string; version: string; kind: string }>,
): Record<string, Json> {
  const out: Record<string, Json> = {
    [INT_OR_STRING]: {
      description:
        "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.",
      type: "string",
      format: "int-or-string",
      "x-kubernetes-int-or-string": true,
    },
  };
  const pending = [...roots];
  const seen = new Set<string>(roots);
  const queue = (cls: string) => {
    if (!seen.has(cls)) {
      seen.add(cls);
      pending.push(cls);
    }
  };
  while (pending.length > 0) {
    const cls = pending.shift()!;
    const model = modelOf(cls);
    if (!model) continue;
    const docs = readDocs(cls);
    const properties: Json = {};
    const required: string[] = [];
    for (const a of model.getAttributeTypeMap()) {
      const field = docs.fields.get(a.name);
      const schema = typeSchema(a.type, a.format, queue);
      properties[a.baseName] = field?.description ? { ...schema, description: field.description } : schema;
      if (field?.required) required.push(a.baseName);
    }
    const gvk = gvks.get(cls);
    out[definitionName(cls)] = {
      ...(docs.description ? { description: docs.description } : {}),
      type: "object",
      ...(required.length ? { required } : {}),
      properties,
      ...(gvk ? { "x-kubernetes-group-version-kind": [gvk] } : {}),
    };
  }
  return out;
}
