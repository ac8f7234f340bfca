// Field paths as server-side apply tracks them (fieldsV1: f:<field>, k:<key>, v:<value>, "."), with conversions
// between a flat set and the nested fieldsV1 JSON, and reads/removals of the value a path points at.
import { keyOf, listKind } from "./list-keys";
import { isRecord } from "./respond";

/** A path is a list of fieldsV1 elements; sets hold them JSON-encoded so equal paths compare equal. */
export type PathElems = string[];
export type FieldSet = Set<string>;

export const enc = (p: PathElems): string => JSON.stringify(p);
export const dec = (s: string): PathElems => JSON.parse(s) as PathElems;

/** Adds every owned leaf under `value`: scalars, atomic lists, empty maps, set members and keyed-list items ("."). */
export function collectPaths(value: unknown, prefix: PathElems, field: string, out: FieldSet): void {
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix.length > 0) out.add(enc(prefix));
    for (const [k, v] of entries) collectPaths(v, [...prefix, `f:${k}`], k, out);
    return;
  }
  if (Array.isArray(value)) {
    const kind = listKind(field, value);
    if (kind.type === "set") {
      for (const x of value) out.add(enc([...prefix, `v:${JSON.stringify(x)}`]));
      return;
    }
    if (kind.type === "map" && value.every((item) => keyOf(item, kind.keys) !== undefined)) {
      for (const item of value) {
        const itemPath = [...prefix, `k:${keyOf(item, kind.keys)!}`];
        out.add(enc([...itemPath, "."]));
        collectPaths(item, itemPath, "", out);
      }
      return;
    }
  }
  out.add(enc(prefix));
}

function step(node: unknown, elem: string, parentField: string): unknown {
  if (elem.startsWith("f:")) return isRecord(node) ? node[elem.slice(2)] : undefined;
  if (!Array.isArray(node)) return undefined;
  if (elem.startsWith("v:")) {
    const v = JSON.parse(elem.slice(2)) as unknown;
    return node.includes(v) ? v : undefined;
  }
  if (elem.startsWith("k:")) {
    const kind = listKind(parentField, node);
    return kind.type === "map" ? node.find((i) => keyOf(i, kind.keys) === elem.slice(2)) : undefined;
  }
  return undefined;
}

const fieldName = (elem: string | undefined): string => (elem?.startsWith("f:") ? elem.slice(2) : "");

export function getAt(obj: unknown, path: PathElems): unknown {
  let cur = obj;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === ".") return cur;
    cur = step(cur, path[i]!, fieldName(path[i - 1]));
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Removes what a path owns: a field, a set member, or (for a "." path) a keyed-list item. */
export function removeAt(obj: unknown, path: PathElems): void {
  const target = path[path.length - 1] === "." ? path.slice(0, -1) : path;
  const last = target[target.length - 1];
  if (last === undefined) return;
  const parent = getAt(obj, target.slice(0, -1));
  if (last.startsWith("f:")) {
    if (isRecord(parent)) delete parent[last.slice(2)];
  } else if (Array.isArray(parent)) {
    const item = step(parent, last, fieldName(target[target.length - 2]));
    const i = parent.indexOf(item);
    if (item !== undefined && i >= 0) parent.splice(i, 1);
  }
}

export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const p of [...set].sort()) {
    let node = root;
    for (const elem of dec(p)) node = (node[elem] ??= {}) as Record<string, unknown>;
  }
  return root;
}

export function fromFieldsV1(fields: unknown, prefix: PathElems = [], out: FieldSet = new Set()): FieldSet {
  if (!isRecord(fields)) return out;
  const keys = Object.keys(fields);
  if (keys.length === 0 && prefix.length > 0) out.add(enc(prefix));
  for (const k of keys) {
    if (k === ".") out.add(enc([...prefix, "."]));
    else fromFieldsV1(fields[k], [...prefix, k], out);
  }
  return out;
}

/** `.spec.template.spec.containers[name="server"].image`, as structured-merge-diff prints paths in conflicts. */
export function printPath(path: PathElems): string {
  let s = "";
  for (const e of path) {
    if (e === ".") continue;
    if (e.startsWith("f:")) s += `.${e.slice(2)}`;
    else if (e.startsWith("v:")) s += `[=${e.slice(2)}]`;
    else if (e.startsWith("k:")) {
      const key = JSON.parse(e.slice(2)) as Record<string, unknown>;
      s += `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(",")}]`;
    }
  }
  return s;
}
