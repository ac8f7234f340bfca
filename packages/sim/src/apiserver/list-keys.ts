// Which lists merge by key (patchMergeKey / listMapKeys in the Kubernetes types) and which are sets; others are atomic.
export type ListKind = { type: "map"; keys: string[] } | { type: "set" } | { type: "atomic" };

const KEYED: Record<string, string[]> = {
  containers: ["name"],
  initContainers: ["name"],
  ephemeralContainers: ["name"],
  env: ["name"],
  volumes: ["name"],
  volumeMounts: ["mountPath"],
  imagePullSecrets: ["name"],
  conditions: ["type"],
  ownerReferences: ["uid"],
  topologySpreadConstraints: ["topologyKey"],
};

const SETS = new Set(["finalizers"]);

/** Decides from the field name and, for `ports`, the items: container ports key on containerPort, service ports on port. */
export function listKind(field: string, items: unknown[]): ListKind {
  if (SETS.has(field)) return { type: "set" };
  const keys = KEYED[field];
  if (keys) return { type: "map", keys };
  if (field === "ports") {
    const first = items.find((i) => i !== null && typeof i === "object") as Record<string, unknown> | undefined;
    return { type: "map", keys: [first && "containerPort" in first ? "containerPort" : "port"] };
  }
  return { type: "atomic" };
}

export function keyOf(item: unknown, keys: string[]): string | undefined {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined;
  const rec = item as Record<string, unknown>;
  if (keys.some((k) => rec[k] === undefined)) return undefined;
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, rec[k]])));
}
