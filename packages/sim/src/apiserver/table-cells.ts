// Shared pieces of server-side printing: column definitions and tolerant readers of loosely typed objects.
import type { KubeObject } from "../store/types";
import { since } from "./human-duration";

export interface ColumnDefinition {
  name: string;
  type: "string" | "integer";
  format: string;
  description: string;
  priority: number;
}

export type Cell = string | number;
export type Obj = Record<string, unknown>;
export const o = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(o) : []);
export const num = (v: unknown): number => (typeof v === "number" ? v : 0);
export const str = (v: unknown, fallback = "<none>"): string => (typeof v === "string" && v !== "" ? v : fallback);

export const col = (name: string, description: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({
  name,
  type: "string",
  format: "",
  description,
  priority: 0,
  ...extra,
});
export const NAME = col("Name", "Name must be unique within a namespace.", { format: "name" });
export const AGE = col(
  "Age",
  "CreationTimestamp is a timestamp representing the server time when this object was created.",
);
export const age = (x: KubeObject): string => since(x.metadata.creationTimestamp);

export const formatLabels = (m: unknown): string => {
  const entries = Object.entries(o(m)).map(([k, v]) => `${k}=${String(v)}`);
  return entries.length ? entries.join(",") : "<none>";
};
export const formatSelector = (sel: unknown): string => {
  const s = o(sel);
  const parts = Object.entries(o(s.matchLabels)).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of arr(s.matchExpressions))
    parts.push(
      `${String(e.key)} ${String(e.operator).toLowerCase()} (${(e.values as string[] | undefined)?.join(",") ?? ""})`,
    );
  return parts.length ? parts.join(",") : "<none>";
};
export const containers = (podSpec: unknown) => arr(o(podSpec).containers);

export interface ResourceTable {
  columns: ColumnDefinition[];
  cells: (x: KubeObject) => Cell[];
}
