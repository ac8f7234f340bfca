// Server-side apply (application/apply-patch+yaml): merges an applied configuration into the live object, tracks
// ownership per field manager, refuses to overwrite another manager's differing value unless forced, and removes
// fields this manager applied before but no longer does (when nobody else owns them).
import type { KubeObject } from "../store/types";
import { dec, getAt, printPath, removeAt } from "./field-set";
import { keyOf, listKind } from "./list-keys";
import {
  entryFor,
  readEntries,
  sameManager,
  touch,
  trackedPaths,
  writeEntries,
  type ManagerEntry,
} from "./managed-fields";
import { isRecord } from "./respond";
import { HttpError, type StatusDetails } from "./status-errors";

type Rec = Record<string, unknown>;

function mergeApplied(live: unknown, applied: unknown, field: string): unknown {
  if (isRecord(applied)) {
    const out: Rec = isRecord(live) ? { ...live } : {};
    for (const [k, v] of Object.entries(applied)) out[k] = mergeApplied(out[k], v, k);
    return out;
  }
  if (Array.isArray(applied) && Array.isArray(live)) {
    return mergeLists(live as unknown[], applied as unknown[], field);
  }
  return structuredClone(applied);
}

/** Keyed lists merge item by item and sets take the union; atomic lists are replaced by the applied one. */
function mergeLists(live: unknown[], applied: unknown[], field: string): unknown {
  const kind = listKind(field, [...applied, ...live]);
  if (kind.type === "set") return [...live, ...applied.filter((x) => !live.includes(x))];
  if (kind.type !== "map") return structuredClone(applied);
  const out = live.map((x) => structuredClone(x));
  for (const item of applied) {
    const i = out.findIndex((x) => keyOf(x, kind.keys) === keyOf(item, kind.keys));
    if (i >= 0) out[i] = mergeApplied(out[i], item, "");
    else out.push(structuredClone(item));
  }
  return out;
}

/** Conflict entry names as structured-merge-diff prints them: Apply managers by name, Update ones with their version. */
function managerLabel(e: ManagerEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  return e.operation === "Update" ? `${s} using ${e.apiVersion}` : s;
}

function conflictError(conflicts: { entry: ManagerEntry; path: string }[]): HttpError {
  const causes = conflicts.map((c) => ({
    reason: "FieldManagerConflict",
    message: `conflict with ${managerLabel(c.entry)}`,
    field: c.path,
  }));
  let message: string;
  if (conflicts.length === 1)
    message = `Apply failed with 1 conflict: conflict with ${managerLabel(conflicts[0]!.entry)}: ${conflicts[0]!.path}`;
  else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts)
      byManager.set(managerLabel(c.entry), [...(byManager.get(managerLabel(c.entry)) ?? []), c.path]);
    const lines = [...byManager.keys()]
      .sort()
      .flatMap((m) => [`conflicts with ${m}:`, ...byManager.get(m)!.map((p) => `- ${p}`)]);
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`;
  }
  const details: StatusDetails = { causes };
  return new HttpError("Conflict", message, details);
}

export interface ApplyOptions {
  manager: string;
  force: boolean;
  apiVersion: string;
  subresource?: "status";
}

/** Returns the object to store (with managedFields); `live` undefined means the apply creates the object. */
export function serverSideApply(live: KubeObject | undefined, applied: Rec, opts: ApplyOptions): KubeObject {
  const entries = readEntries(live);
  const mine = entryFor(entries, opts.manager, "Apply", opts.apiVersion, opts.subresource);
  const wanted = trackedPaths(applied, opts.subresource);

  const conflicts: { entry: ManagerEntry; path: string; key: string }[] = [];
  for (const e of entries) {
    if (sameManager(e, opts.manager, "Apply", opts.subresource)) continue;
    for (const p of wanted) {
      if (!e.set.has(p) || p.endsWith('"."]')) continue;
      const path = dec(p);
      if (JSON.stringify(getAt(live, path)) !== JSON.stringify(getAt(applied, path)))
        conflicts.push({ entry: e, path: printPath(path), key: p });
    }
  }
  if (conflicts.length > 0 && !opts.force) throw conflictError(conflicts);
  for (const c of conflicts) c.entry.set.delete(c.key);

  const base: Rec = live ? structuredClone(live) : {};
  const merged = mergeApplied(base, applied, "") as KubeObject;
  // Fields this manager applied before and drops now go away, unless another manager still owns them.
  const dropped = [...mine.set].filter((p) => !wanted.has(p) && !entries.some((e) => e !== mine && e.set.has(p)));
  for (const p of dropped.sort((a, b) => b.length - a.length)) removeAt(merged, dec(p));

  const changed = dropped.length > 0 || wanted.size !== mine.set.size || [...wanted].some((p) => !mine.set.has(p));
  mine.set = wanted;
  if (changed || !live) touch(mine);
  if (live) {
    merged.metadata = { ...merged.metadata, name: live.metadata.name, resourceVersion: live.metadata.resourceVersion };
  }
  writeEntries(merged, entries);
  return merged;
}
