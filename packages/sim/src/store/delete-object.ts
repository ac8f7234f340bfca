// Deletion with the garbage collector's semantics: finalizers hold objects, ownerReferences cascade (Background,
// Foreground) or are cut (Orphan), and deleting a namespace deletes everything in it.
import { RESOURCE_NAMES, RESOURCES } from "./resources";
import { notFoundError } from "./store-error";
import type { StoreTables } from "./store-tables";
import type { KubeObject, PropagationPolicy, ResourceName } from "./types";

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
}

export const timestamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

function dependents(t: StoreTables, owner: KubeObject): [ResourceName, KubeObject][] {
  const out: [ResourceName, KubeObject][] = [];
  for (const res of RESOURCE_NAMES) {
    for (const o of t.table(res).values()) {
      if (o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid)) out.push([res, o]);
    }
  }
  return out;
}

function deleteDependents(t: StoreTables, owner: KubeObject, policy: PropagationPolicy): void {
  for (const [res, o] of dependents(t, owner)) {
    // An earlier cascade in this loop may already have taken it.
    if (t.peek(res, o.metadata.namespace, o.metadata.name))
      deleteObject(t, res, o.metadata.namespace, o.metadata.name, { propagationPolicy: policy });
  }
}

function orphanDependents(t: StoreTables, owner: KubeObject): void {
  for (const [res, o] of dependents(t, owner)) {
    t.modify(res, o, (d) => {
      d.metadata.ownerReferences = d.metadata.ownerReferences?.filter((r) => r.uid !== owner.metadata.uid);
      if (d.metadata.ownerReferences?.length === 0) delete d.metadata.ownerReferences;
    });
  }
}

/** Terminating first (as a real server reports it), then every object in it, then the namespace itself. */
function deleteNamespace(t: StoreTables, ns: KubeObject): KubeObject {
  const name = ns.metadata.name;
  const terminating = t.modify("namespaces", ns, (o) => {
    o.metadata.deletionTimestamp = timestamp();
    o.status = { ...o.status, phase: "Terminating" };
  });
  for (const res of RESOURCE_NAMES) {
    if (!RESOURCES[res].namespaced) continue;
    for (const o of [...t.table(res).values()]) if (o.metadata.namespace === name) t.remove(res, o);
  }
  t.remove("namespaces", t.peek("namespaces", undefined, name)!);
  return terminating;
}

export function deleteObject(
  t: StoreTables,
  res: ResourceName,
  namespace: string | undefined,
  name: string,
  opts: DeleteOptions = {},
): KubeObject {
  const old = t.peek(res, namespace, name);
  if (!old) throw notFoundError(RESOURCES[res], name);
  if (opts.dryRun) return structuredClone(old);
  if (old.metadata.finalizers?.length) {
    // Finalizers hold the object: mark it and let their owners remove them (the update that empties them deletes it).
    if (old.metadata.deletionTimestamp) return structuredClone(old);
    return t.modify(res, old, (o) => (o.metadata.deletionTimestamp = timestamp()));
  }
  if (res === "namespaces") return deleteNamespace(t, old);
  const policy = opts.propagationPolicy ?? "Background";
  if (policy === "Orphan") orphanDependents(t, old);
  if (policy === "Foreground") deleteDependents(t, old, "Foreground");
  const gone = t.remove(res, old);
  if (policy === "Background") deleteDependents(t, old, "Background");
  return gone;
}
