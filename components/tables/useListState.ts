"use client";
// List state (page, sort, direction, search, filters) kept in the URL so every list view can be shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

export interface ListState<S extends string, F extends string> {
  page: number;
  sort: S;
  dir: "asc" | "desc";
  q: string;
  filters: Partial<Record<F, string>>;
}

export function useListState<S extends string, F extends string = never>(opts: {
  sorts: readonly S[];
  defaultSort: S;
  defaultDir?: "asc" | "desc";
  filters?: readonly F[];
}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { sorts, defaultSort, defaultDir = "asc", filters = [] } = opts;

  const state = useMemo<ListState<S, F>>(() => {
    const sortParam = params.get("sort");
    const sort = sorts.includes(sortParam as S) ? (sortParam as S) : defaultSort;
    const dirParam = params.get("dir");
    const f: Partial<Record<F, string>> = {};
    for (const key of filters) {
      const v = params.get(key);
      if (v) f[key] = v;
    }
    return {
      page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
      sort,
      dir: dirParam === "asc" || dirParam === "desc" ? dirParam : defaultDir,
      q: params.get("q") ?? "",
      filters: f,
    };
  }, [params, sorts, defaultSort, defaultDir, filters]);

  const update = useCallback(
    (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === undefined || v === "") next.delete(k);
        else next.set(k, String(v));
      }
      if (resetPage && !("page" in changes)) next.delete("page");
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  return {
    ...state,
    setPage: (page: number) => update({ page: page === 1 ? null : page }, false),
    setSort: (sort: S, dir: "asc" | "desc") => update({ sort, dir }),
    setQuery: (q: string) => update({ q }),
    setFilter: (key: F, value: string | null) => update({ [key]: value }),
    sortDirection: (col: S) => (state.sort === col ? state.dir : null),
  };
}
