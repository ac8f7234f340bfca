// Server-side printing: turns objects into a meta.k8s.io/v1 Table when the client asks for `as=Table` (kubectl get).
import type { KubeObject, ResourceName } from "../store/types";
import { TABLES } from "./table-columns";

export type IncludeObject = "None" | "Metadata" | "Object";

/** True when the Accept header prefers a meta.k8s.io Table (`application/json;as=Table;v=v1;g=meta.k8s.io`). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(",")[0]!;
  const params = new Map(
    first
      .split(";")
      .slice(1)
      .map((p) => p.trim().split("=") as [string, string]),
  );
  return (
    params.get("as") === "Table" &&
    params.get("g") === "meta.k8s.io" &&
    (params.get("v") === "v1" || params.get("v") === "v1beta1")
  );
}

export function parseIncludeObject(v: string | null): IncludeObject {
  return v === "None" || v === "Object" ? v : "Metadata";
}

function rowObject(o: KubeObject, include: IncludeObject): unknown {
  if (include === "Object") return o;
  if (include === "None") return undefined;
  const meta = { ...o.metadata };
  delete meta.managedFields;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: meta };
}

export function toTable(
  res: ResourceName,
  items: KubeObject[],
  opts: {
    include: IncludeObject;
    resourceVersion?: string;
    continue?: string;
    remainingItemCount?: number;
    withColumns?: boolean;
  },
) {
  const t = TABLES[res];
  const rows = items.map((o) => {
    const object = rowObject(o, opts.include);
    return { cells: t.cells(o), ...(object ? { object } : {}) };
  });
  const metadata = {
    ...(opts.resourceVersion ? { resourceVersion: opts.resourceVersion } : {}),
    ...(opts.continue ? { continue: opts.continue } : {}),
    ...(opts.remainingItemCount !== undefined ? { remainingItemCount: opts.remainingItemCount } : {}),
  };
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata,
    ...(opts.withColumns === false ? {} : { columnDefinitions: t.columns }),
    rows,
  };
}
