"use client";
// List state (page, sort, direction, search, filters) kept in the URL so every list view can be shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { SortingState } from "@tanstack/react-table";
import {
  applyListChanges,
  pageChange,
  readListState,
  sortChange,
  toQueryInput,
  type FilterSpec,
  type FilterValue,
  type ListChanges,
  type ListDefinition,
  type SortDir,
} from "./list-definition";

export function useListState<S extends string, F extends Record<string, FilterSpec>>(def: ListDefinition<S, F>) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => readListState(def, params), [def, params]);

  const update = useCallback(
    (changes: ListChanges, resetPage = true) => {
      const qs = applyListChanges(params.toString(), changes, resetPage);
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  return {
    ...state,
    input: toQueryInput(def, state),
    setPage: (page: number) => update(pageChange(page), false),
    setSort: (sort: S, dir: SortDir) => update({ sort, dir }),
    setSorting: (sorting: SortingState) => {
      const change = sortChange(def, sorting);
      if (change) update(change);
    },
    setQuery: (q: string) => update({ q }),
    setFilter: <K extends keyof F & string>(key: K, value: FilterValue<F[K]> | null) => update({ [key]: value }),
  };
}
