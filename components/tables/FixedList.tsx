"use client";
// A list that arrives whole from one query (no paging, search or sorting by the server): the same frame,
// columns, row actions and states as ListPage, for short lists such as an inbox, tokens or members.
import { ListFrame } from "./ListFrame";
import { ListTable } from "./ListTable";
import type { EmptyText, ListColumn, RowActions, RowData } from "./list-view";

/** The parts of a react-query result the frame needs; the rows are passed on their own. */
export interface FixedListQuery {
  isLoading: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

const NO_ROWS: never[] = [];

export function FixedList<R extends { id: string }>(props: {
  query: FixedListQuery;
  /** Undefined until the query has data. */
  rows: R[] | undefined;
  caption: string;
  columns: readonly ListColumn<R>[];
  rowActions?: RowActions<R>;
  rowData?: (row: R) => RowData;
  empty?: EmptyText;
  /** Inside a Card, which draws its own border: no table frame and a shorter empty state. */
  inCard?: boolean;
  skeletonRows?: number;
}) {
  const { query, rows = NO_ROWS } = props;
  return (
    <ListFrame
      isLoading={query.isLoading}
      error={query.error}
      onRetry={() => void query.refetch()}
      total={rows.length}
      empty={props.empty}
      skeletonRows={props.skeletonRows}
      emptyClassName={props.inCard ? "py-6" : undefined}
    >
      <ListTable
        caption={props.caption}
        rows={rows}
        columns={props.columns}
        rowActions={props.rowActions}
        rowData={props.rowData}
        framed={!props.inCard}
      />
    </ListFrame>
  );
}
