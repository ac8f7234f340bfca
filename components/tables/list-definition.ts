// What a list's URL means: its sorts, filters and page size, and the pure mapping between the URL, the
// table's sorting state and the list procedure's input. No React here, so it is tested without a DOM.
import type { SortingState } from "@tanstack/react-table";
import { oneOf } from "@/server/domain/values";

export type SortDir = "asc" | "desc";

/** A filter is either one of a fixed list of values (a select) or free text. */
export type FilterSpec = readonly string[] | "text";
export type FilterValue<Spec extends FilterSpec> = Spec extends readonly (infer V extends string)[] ? V : string;

export interface ListDefinition<S extends string, F extends Record<string, FilterSpec>> {
  sorts: readonly S[];
  defaultSort: S;
  defaultDir: SortDir;
  filters: F;
  pageSize: number;
}

export type FilterValues<F extends Record<string, FilterSpec>> = { [K in keyof F]?: FilterValue<F[K]> };

export interface ListState<S extends string, F extends Record<string, FilterSpec>> {
  page: number;
  sort: S;
  dir: SortDir;
  q: string;
  filters: FilterValues<F>;
}

/** What every list procedure takes (see zListInput), plus the list's own filters. */
export type ListInput<S extends string, F extends Record<string, FilterSpec>> = {
  page: number;
  pageSize: number;
  sort: S;
  dir: SortDir;
  q: string;
} & FilterValues<F>;

export const DEFAULT_PAGE_SIZE = 50;

export function defineList<
  const S extends string,
  const F extends Record<string, FilterSpec> = Record<never, never>,
>(def: {
  sorts: readonly S[];
  defaultSort: NoInfer<S>;
  defaultDir?: SortDir;
  filters?: F;
  pageSize?: number;
}): ListDefinition<S, F> {
  return {
    sorts: def.sorts,
    defaultSort: def.defaultSort,
    defaultDir: def.defaultDir ?? "asc",
    filters: def.filters ?? ({} as F),
    pageSize: def.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

interface ReadableParams {
  get(name: string): string | null;
}

/** The list state a URL asks for; anything unknown or malformed falls back to the default. */
export function readListState<S extends string, F extends Record<string, FilterSpec>>(
  def: ListDefinition<S, F>,
  params: ReadableParams,
): ListState<S, F> {
  const dir = params.get("dir");
  const filters: Record<string, string> = {};
  for (const [key, spec] of Object.entries(def.filters)) {
    const raw = params.get(key);
    const value = spec === "text" ? raw || undefined : oneOf(spec, raw);
    if (value) filters[key] = value;
  }
  return {
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
    sort: oneOf(def.sorts, params.get("sort")) ?? def.defaultSort,
    dir: dir === "asc" || dir === "desc" ? dir : def.defaultDir,
    q: params.get("q") ?? "",
    filters: filters as FilterValues<F>,
  };
}

export type ListChanges = Record<string, string | number | null | undefined>;

/**
 * The query string after `changes`: empty values remove their parameter, and any change other than the
 * page itself goes back to page 1 (a new sort or filter starts from the top).
 */
export function applyListChanges(current: string, changes: ListChanges, resetPage = true): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") next.delete(k);
    else next.set(k, String(v));
  }
  if (resetPage && !("page" in changes)) next.delete("page");
  return next.toString();
}

export const pageChange = (page: number): ListChanges => ({ page: page === 1 ? null : page });

/** The table library's sorting state for a list state: always exactly one sorted column. */
export function toSorting(state: { sort: string; dir: SortDir }): SortingState {
  return [{ id: state.sort, desc: state.dir === "desc" }];
}

/** The URL change a new sorting state asks for, or null when it names no sort this list offers. */
export function sortChange<S extends string>(def: { sorts: readonly S[] }, sorting: SortingState): ListChanges | null {
  const first = sorting[0];
  const sort = first ? oneOf(def.sorts, first.id) : undefined;
  if (!first || !sort) return null;
  return { sort, dir: first.desc ? "desc" : "asc" };
}

export function toQueryInput<S extends string, F extends Record<string, FilterSpec>>(
  def: ListDefinition<S, F>,
  state: ListState<S, F>,
): ListInput<S, F> {
  return { page: state.page, pageSize: def.pageSize, sort: state.sort, dir: state.dir, q: state.q, ...state.filters };
}

/** True when search or a filter narrows the list, so an empty page means "no matches", not "nothing yet". */
export function isFiltered(state: { q: string; filters: Record<string, string | undefined> }): boolean {
  return Boolean(state.q) || Object.values(state.filters).some(Boolean);
}
