"use client";
// One list page from its definition: header, search and filters bound to the URL, the server query
// (previous page kept while the next loads), loading / error / empty states, the table and paging.
import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/PageHeader";
import { SearchInput } from "@/components/ui/SearchInput";
import { Select } from "@/components/ui/Select";
import { isFiltered, toSorting, type FilterSpec, type ListDefinition, type ListInput } from "./list-definition";
import type {
  EmptyText,
  FilterLabels,
  ListColumn,
  RowActions,
  SelectFilterLabels,
  TextFilterLabels,
} from "./list-view";
import { ListFrame } from "./ListFrame";
import { ListTable } from "./ListTable";
import { useListState } from "./useListState";

export interface PageOf<R> {
  items: R[];
  total: number;
}

/**
 * What ListPage needs of a procedure's query options, narrow enough that the row type is inferred from
 * tRPC's `queryOptions` (whose full type is too deep for inference through UseQueryOptions).
 */
export interface ListQueryOptions<Q> {
  queryKey: QueryKey;
  queryFn?: (context: never) => Q | Promise<Q>;
}

export interface ListPageProps<S extends string, F extends Record<string, FilterSpec>, R extends { id: string }> {
  list: ListDefinition<S, F>;
  /** The list procedure, e.g. `(input) => trpc.cloud.list.queryOptions(input)`. */
  query: (input: ListInput<S, F>) => ListQueryOptions<PageOf<R>>;
  title: string;
  description?: ReactNode;
  /** Page-level buttons (add, import, export). */
  actions?: ReactNode;
  /** Shown between the header and the filters (e.g. a settings card). */
  intro?: ReactNode;
  search: { label: string; placeholder?: string };
  filters: FilterLabels<F>;
  columns: readonly ListColumn<R>[];
  rowActions?: RowActions<R>;
  empty: EmptyText;
  /** A note about the rows on screen (e.g. "these are demo prices"). */
  notice?: (rows: R[]) => ReactNode;
  /** Dialogs the page opens. */
  children?: ReactNode;
}

const NO_ROWS: never[] = [];

export function ListPage<S extends string, F extends Record<string, FilterSpec>, R extends { id: string }>(
  props: ListPageProps<S, F, R>,
) {
  const { list: def } = props;
  const list = useListState(def);
  // The options are a procedure's own queryOptions (see ListQueryOptions), so they are UseQueryOptions.
  const options = props.query(list.input) as UseQueryOptions<PageOf<R>, Error, PageOf<R>, QueryKey>;
  const query = useQuery({ ...options, placeholderData: keepPreviousData });
  const rows: R[] = query.data?.items ?? NO_ROWS;

  return (
    <div className="space-y-6">
      <PageHeader title={props.title} description={props.description} actions={props.actions} />
      {props.intro}
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput
          label={props.search.label}
          value={list.q}
          onChange={list.setQuery}
          placeholder={props.search.placeholder}
        />
        {Object.entries(def.filters).map(([key, spec]) => {
          const labels = props.filters[key] as SelectFilterLabels<string> | TextFilterLabels;
          const value = list.filters[key] ?? "";
          // The value is one of this filter's own options (or text); readListState checks it again on the way back.
          const set = (v: string) => list.setFilter(key, (v || null) as never);
          if (spec === "text") {
            const text = labels as TextFilterLabels;
            return (
              <SearchInput key={key} label={text.label} value={value} onChange={set} placeholder={text.placeholder} />
            );
          }
          const select = labels as SelectFilterLabels<string>;
          return (
            <Select key={key} aria-label={select.label} value={value} onChange={(e) => set(e.target.value)}>
              <option value="">{select.all}</option>
              {spec.map((v) => (
                <option key={v} value={v}>
                  {select.option(v)}
                </option>
              ))}
            </Select>
          );
        })}
      </div>
      {props.notice?.(rows)}
      <ListFrame
        isLoading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
        total={query.data?.total ?? 0}
        paging={{ page: list.page, pageSize: def.pageSize, onPageChange: list.setPage }}
        filtered={isFiltered(list)}
        empty={props.empty}
      >
        <ListTable
          caption={props.title}
          rows={rows}
          columns={props.columns}
          rowActions={props.rowActions}
          sorting={toSorting(list)}
          onSortingChange={list.setSorting}
        />
      </ListFrame>
      {props.children}
    </div>
  );
}
