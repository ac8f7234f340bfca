// What a list page shows, beside what its URL means (list-definition.ts): columns, filters' labels, row
// actions. A page is one ListPage given these (see components/models/ModelsPage.tsx for the shortest), or
// one FixedList for a list that arrives whole (see components/approvals/ApprovalsInbox.tsx).
import type { ReactNode } from "react";
import type { ButtonVariant } from "@/components/ui/styles";
import type { CellAlign } from "@/components/ui/Th";
import type { Role } from "@/server/domain/values";
import type { FilterSpec, FilterValue } from "./list-definition";

export interface ListColumn<R> {
  /** Unique in the list; for a sortable column, the sort key the server takes (`sort=<id>`). */
  id: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  sortable?: boolean;
  align?: CellAlign;
  /** Let long text wrap instead of scrolling the table. */
  wrap?: boolean;
  className?: string;
}

/** A row's button ("Delete"), or with `href` a link drawn as one ("Review"). */
export type RowAction<R> = {
  /** The button's text ("Delete"). */
  label: string;
  /** Its accessible name, which says which row ("Delete cloud aws-prod"). */
  name: (row: R) => string;
  visible?: (row: R) => boolean;
  /** Default "ghost"; a row's one main action may be "primary". */
  variant?: ButtonVariant;
  /** True while this row's action runs. */
  busy?: (row: R) => boolean;
} & ({ onSelect: (row: R) => void; href?: never } | { href: (row: R) => string; onSelect?: never });

/** Attributes for a row's `<tr>`, such as `data-token` that tests and scripts find it by. */
export type RowData = Record<`data-${string}`, string>;

/** What a list shows when it has no rows. */
export interface EmptyText {
  title: string;
  description?: string;
  action?: ReactNode;
}

export interface SelectFilterLabels<V extends string> {
  label: string;
  /** The option that clears the filter ("All providers"). */
  all: string;
  option: (value: V) => string;
}
export interface TextFilterLabels {
  label: string;
  placeholder?: string;
}
export type FilterLabels<F extends Record<string, FilterSpec>> = {
  [K in keyof F]: F[K] extends "text" ? TextFilterLabels : SelectFilterLabels<FilterValue<F[K]>>;
};

export interface RowActions<R> {
  /** The least role that sees the actions column (default OPERATOR; the server checks again). */
  role?: Role;
  items: readonly RowAction<R>[];
}
