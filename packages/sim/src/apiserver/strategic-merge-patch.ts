// Strategic merge patch as kubectl's client-side apply sends it: keyed lists merge by key, and the $patch,
// $setElementOrder, $retainKeys and $deleteFromPrimitiveList directives are honoured.
import { keyOf, listKind } from "./list-keys";
import { isRecord } from "./respond";
import { HttpError } from "./status-errors";

type Rec = Record<string, unknown>;

const ORDER = "$setElementOrder/";
const DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";

function mergeList(field: string, live: unknown, patch: unknown[]): unknown[] {
  const current: unknown[] = Array.isArray(live) ? (live as unknown[]) : [];
  // A `{"$patch": "replace"}` element means: the rest of the patch list is the whole new list.
  if (patch.some((p) => isRecord(p) && p.$patch === "replace"))
    return patch.filter((p) => !(isRecord(p) && p.$patch === "replace")).map((p) => structuredClone(p));
  const kind = listKind(field, [...patch, ...current]);
  if (kind.type === "set") return [...current, ...patch.filter((p) => !current.includes(p))];
  if (kind.type !== "map") return patch.map((p) => structuredClone(p));
  const out = current.map((c) => structuredClone(c));
  for (const p of patch) {
    const key = keyOf(p, kind.keys);
    if (key === undefined)
      throw new HttpError(
        "BadRequest",
        `map: ${JSON.stringify(p)} does not contain declared merge key: ${kind.keys.join(",")}`,
      );
    const i = out.findIndex((c) => keyOf(c, kind.keys) === key);
    if (isRecord(p) && p.$patch === "delete") {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMergePatch(out[i], p);
    else out.push(strategicMergePatch(undefined, p));
  }
  return out;
}

function orderBy(list: unknown[], order: unknown[], field: string): unknown[] {
  const kind = listKind(field, list);
  const id = (x: unknown) => (kind.type === "map" ? keyOf(x, kind.keys) : JSON.stringify(x));
  const pos = new Map(order.map((o, i) => [id(o), i]));
  return [...list].sort((a, b) => (pos.get(id(a)) ?? order.length) - (pos.get(id(b)) ?? order.length));
}

export function strategicMergePatch(live: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return structuredClone(patch);
  if (patch.$patch === "delete") return undefined;
  const replace = patch.$patch === "replace";
  const out: Rec = isRecord(live) && !replace ? { ...live } : {};
  const retain = Array.isArray(patch.$retainKeys) ? (patch.$retainKeys as string[]) : undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k === "$patch" || k === "$retainKeys" || k.startsWith(ORDER)) continue;
    if (k.startsWith(DELETE_PRIMITIVE)) {
      const field = k.slice(DELETE_PRIMITIVE.length);
      const drop = Array.isArray(v) ? v : [];
      if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((x) => !drop.includes(x));
      continue;
    }
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, out[k], v);
    else if (isRecord(v)) {
      const merged = strategicMergePatch(out[k], v);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  for (const [k, v] of Object.entries(patch)) {
    if (!k.startsWith(ORDER) || !Array.isArray(v)) continue;
    const field = k.slice(ORDER.length);
    if (Array.isArray(out[field])) out[field] = orderBy(out[field] as unknown[], v, field);
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}
