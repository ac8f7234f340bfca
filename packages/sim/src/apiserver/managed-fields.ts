// managedFields bookkeeping: which manager owns which fields, and how a plain write (Update) moves ownership.
import type { KubeObject } from "../store/types";
import { collectPaths, dec, fromFieldsV1, getAt, toFieldsV1, type FieldSet } from "./field-set";
import { isRecord } from "./respond";

export interface ManagerEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time: string;
  subresource?: string;
  set: FieldSet;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
const METADATA_TRACKED = ["labels", "annotations", "finalizers", "ownerReferences"];

/** The fields an object (or applied configuration) sets that ownership is tracked for. */
export function trackedPaths(obj: Record<string, unknown>, subresource?: string): FieldSet {
  const out: FieldSet = new Set();
  for (const [k, v] of Object.entries(obj)) {
    if (k === "apiVersion" || k === "kind") continue;
    if (subresource === "status" ? k !== "status" : k === "status") continue;
    if (k === "metadata") {
      if (!isRecord(v)) continue;
      for (const m of METADATA_TRACKED) if (v[m] !== undefined) collectPaths(v[m], ["f:metadata", `f:${m}`], m, out);
    } else collectPaths(v, [`f:${k}`], k, out);
  }
  return out;
}

export function readEntries(obj: KubeObject | undefined): ManagerEntry[] {
  const raw = obj?.metadata.managedFields ?? [];
  return raw.filter(isRecord).map((e) => ({
    manager: typeof e.manager === "string" ? e.manager : "",
    operation: e.operation === "Apply" ? "Apply" : "Update",
    apiVersion: typeof e.apiVersion === "string" ? e.apiVersion : "",
    time: typeof e.time === "string" ? e.time : now(),
    ...(typeof e.subresource === "string" && e.subresource ? { subresource: e.subresource } : {}),
    set: fromFieldsV1(e.fieldsV1),
  }));
}

export function writeEntries(obj: KubeObject, entries: ManagerEntry[]): void {
  const kept = entries.filter((e) => e.set.size > 0);
  if (kept.length === 0) {
    delete obj.metadata.managedFields;
    return;
  }
  obj.metadata.managedFields = kept.map((e) => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    time: e.time,
    fieldsType: "FieldsV1",
    fieldsV1: toFieldsV1(e.set),
    ...(e.subresource ? { subresource: e.subresource } : {}),
  }));
}

export const sameManager = (e: ManagerEntry, manager: string, operation: "Apply" | "Update", subresource?: string) =>
  e.manager === manager && e.operation === operation && (e.subresource ?? "") === (subresource ?? "");

/** Finds or adds the entry for a manager; its time moves whenever its fields change. */
export function entryFor(
  entries: ManagerEntry[],
  manager: string,
  operation: "Apply" | "Update",
  apiVersion: string,
  subresource?: string,
): ManagerEntry {
  let e = entries.find((x) => sameManager(x, manager, operation, subresource));
  if (!e) {
    e = { manager, operation, apiVersion, time: now(), ...(subresource ? { subresource } : {}), set: new Set() };
    entries.push(e);
  }
  return e;
}

export function touch(e: ManagerEntry): void {
  e.time = now();
}

/**
 * A non-apply write: the writer takes every field whose value it changed (from whoever had it), and removed fields
 * leave every manager. Uses the managedFields the client sent if any, else the stored ones (as the apiserver does).
 */
export function recordUpdate(
  old: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  subresource?: string,
): void {
  const sent = next.metadata.managedFields;
  const entries = readEntries(sent && sent.length > 0 ? next : old);
  const before = old ? trackedPaths(old, subresource) : new Set<string>();
  const after = trackedPaths(next, subresource);
  const changed = [...after].filter(
    (p) => !before.has(p) || JSON.stringify(getAt(old, dec(p))) !== JSON.stringify(getAt(next, dec(p))),
  );
  const removed = [...before].filter((p) => !after.has(p));
  if (changed.length > 0) {
    const mine = entryFor(entries, manager, "Update", next.apiVersion, subresource);
    for (const e of entries) for (const p of changed) if (e !== mine) e.set.delete(p);
    for (const p of changed) mine.set.add(p);
    touch(mine);
  }
  for (const e of entries) for (const p of removed) e.set.delete(p);
  writeEntries(next, entries);
}
