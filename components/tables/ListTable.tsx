"use client";
// Renders a list's rows through TanStack Table (headless): column model and sorting state come from the
// table, the markup (Table, SortableTh, Td) and the URL-held sort from us. Sorting is done by the server.
import { useMemo } from "react";
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { SortableTh } from "@/components/ui/SortableTh";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import type { ListColumn, RowAction } from "./list-view";

const features = tableFeatures({ rowSortingFeature });
const ACTIONS = "__actions";

export function ListTable<R extends { id: string }>(props: {
  caption: string;
  rows: R[];
  columns: readonly ListColumn<R>[];
  actions?: readonly RowAction<R>[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}) {
  const tc = useTranslations("common");
  const { columns, actions, sorting, onSortingChange } = props;
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const defs = useMemo<ColumnDef<typeof features, R>[]>(
    () => [
      ...columns.map(
        (c): ColumnDef<typeof features, R> => ({
          id: c.id,
          header: () => c.header,
          cell: ({ row }) => c.cell(row.original),
          enableSorting: c.sortable ?? false,
        }),
      ),
      ...(actions?.length
        ? [
            {
              id: ACTIONS,
              header: () => tc("actions"),
              cell: ({ row }) => <RowActions row={row.original} actions={actions} />,
              enableSorting: false,
            } satisfies ColumnDef<typeof features, R>,
          ]
        : []),
    ],
    [columns, actions, tc],
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
    onSortingChange: (updater) => onSortingChange(typeof updater === "function" ? updater(sorting) : updater),
  });

  return (
    <Table caption={props.caption}>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <Tr key={group.id}>
            {group.headers.map((header) => {
              const column = header.column;
              const align = column.id === ACTIONS ? "right" : byId.get(column.id)?.align;
              if (!column.getCanSort()) {
                return (
                  <Th key={header.id} align={align}>
                    <table.FlexRender header={header} />
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
                  <table.FlexRender header={header} />
                </SortableTh>
              );
            })}
          </Tr>
        ))}
      </THead>
      <TBody>
        {table.getRowModel().rows.map((row) => (
          <Tr key={row.id}>
            {row.getAllCells().map((cell) => {
              const column = cell.column.id === ACTIONS ? undefined : byId.get(cell.column.id);
              return (
                <Td
                  key={cell.id}
                  align={column ? column.align : "right"}
                  wrap={column?.wrap}
                  className={column?.className}
                >
                  <table.FlexRender cell={cell} />
                </Td>
              );
            })}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function RowActions<R>({ row, actions }: { row: R; actions: readonly RowAction<R>[] }) {
  return (
    <>
      {actions
        .filter((a) => a.visible?.(row) ?? true)
        .map((a) => (
          <Button key={a.label} size="sm" variant="ghost" aria-label={a.name(row)} onClick={() => a.onSelect(row)}>
            {a.label}
          </Button>
        ))}
    </>
  );
}
