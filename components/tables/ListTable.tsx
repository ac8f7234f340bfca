"use client";
// Renders a list's rows through TanStack Table (headless): column model and sorting state come from the
// table, the markup (Table, SortableTh, Td) and the URL-held sort from us. Sorting is done by the server; a
// list without `onSortingChange` (one that arrives whole, see FixedList) has no sortable headers.
// Cells are rendered by calling the page's own functions, not through FlexRender: FlexRender mounts a
// function as a component, and the page's functions are new on every render, so each render would
// remount every cell (and drop focus from a row's button while its dialog is open).
import { useMemo } from "react";
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { SortableTh } from "@/components/ui/SortableTh";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import type { ListColumn, RowActions, RowData } from "./list-view";
import { RowActionButtons } from "./RowActionButtons";

const features = tableFeatures({ rowSortingFeature });
const ACTIONS = "__actions";
const UNSORTED: SortingState = [];

export function ListTable<R extends { id: string }>(props: {
  caption: string;
  rows: R[];
  columns: readonly ListColumn<R>[];
  rowActions?: RowActions<R>;
  /** Attributes for each row's `<tr>`. */
  rowData?: (row: R) => RowData;
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** Draw the table's own border; off inside a Card. */
  framed?: boolean;
}) {
  const tc = useTranslations("common");
  const { can } = useCurrentTeam();
  const { columns, rowActions, rowData, onSortingChange } = props;
  const sorting = props.sorting ?? UNSORTED;
  const actions = rowActions && can(rowActions.role ?? "OPERATOR") ? rowActions.items : undefined;
  const byId = new Map(columns.map((c) => [c.id, c]));
  // The table's column model changes only when the set of columns does, not on every render.
  const shape = [
    ...columns.map((c) => `${c.id}${c.sortable && onSortingChange ? ":sort" : ""}`),
    ...(actions?.length ? [ACTIONS] : []),
  ].join(",");
  const defs = useMemo<ColumnDef<typeof features, R>[]>(
    () =>
      shape.split(",").map((entry) => {
        const [id = "", sort] = entry.split(":");
        // TanStack lets only accessor columns sort; the value is unused (the server sorts).
        return sort === "sort"
          ? { id, accessorFn: (row: R) => row.id, enableSorting: true }
          : { id, enableSorting: false };
      }),
    [shape],
  );
  const table = useTable({
    features,
    columns: defs,
    data: props.rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange?.(typeof updater === "function" ? updater(sorting) : updater),
  });

  return (
    <Table caption={props.caption} framed={props.framed}>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <Tr key={group.id}>
            {group.headers.map((header) => {
              const column = header.column;
              const def = byId.get(column.id);
              const align = def ? def.align : "right";
              const label = def ? def.header : tc("actions");
              if (!column.getCanSort()) {
                return (
                  <Th key={header.id} align={align}>
                    {label}
                  </Th>
                );
              }
              return (
                <SortableTh
                  key={header.id}
                  align={align}
                  direction={column.getIsSorted() || null}
                  onSort={(dir) => column.toggleSorting(dir === "desc")}
                >
                  {label}
                </SortableTh>
              );
            })}
          </Tr>
        ))}
      </THead>
      <TBody>
        {table.getRowModel().rows.map((row) => (
          <Tr key={row.id} {...rowData?.(row.original)}>
            {row.getAllCells().map((cell) => {
              const column = byId.get(cell.column.id);
              return (
                <Td
                  key={cell.id}
                  align={column ? column.align : "right"}
                  wrap={column?.wrap}
                  className={column?.className}
                >
                  {column
                    ? column.cell(row.original)
                    : actions && <RowActionButtons row={row.original} actions={actions} />}
                </Td>
              );
            })}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
