"use client";
// The frame every list shares: loading skeleton, error with retry, empty state, table, and (for a paged list)
// pagination.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { readError } from "@/components/trpc/errors";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { Pagination } from "@/components/ui/Pagination";
import { Skeleton } from "@/components/ui/Skeleton";
import type { EmptyText } from "./list-view";

export interface Paging {
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

export function ListFrame(props: {
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  total: number;
  /** Absent for a list that arrives whole. */
  paging?: Paging;
  /** Without it, the common "nothing here" text. */
  empty?: EmptyText;
  /** Search or a filter is set, so no rows means "no matches", not "nothing yet". */
  filtered?: boolean;
  skeletonRows?: number;
  emptyClassName?: string;
  children: ReactNode;
}) {
  const t = useTranslations("lists");
  const tc = useTranslations("common");
  const { paging } = props;
  if (props.isLoading) {
    return (
      <div className="space-y-2" aria-busy="true" aria-live="polite">
        <span className="sr-only">{tc("loading")}</span>
        {Array.from({ length: props.skeletonRows ?? 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  if (props.error) return <ErrorState message={readError(props.error).message} onRetry={props.onRetry} />;
  if (props.total === 0) {
    return props.filtered ? (
      <EmptyState title={t("noMatches")} description={t("noMatchesHint")} className={props.emptyClassName} />
    ) : (
      <EmptyState
        title={props.empty?.title}
        description={props.empty?.description}
        action={props.empty?.action}
        className={props.emptyClassName}
      />
    );
  }
  if (!paging) return props.children;
  return (
    <div className="space-y-3">
      {props.children}
      <Pagination
        page={paging.page}
        pageCount={Math.max(1, Math.ceil(props.total / paging.pageSize))}
        total={props.total}
        onPageChange={paging.onPageChange}
      />
    </div>
  );
}
