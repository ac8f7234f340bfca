"use client";
// The frame every list shares: loading skeleton, error with retry, empty state, table, pagination.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { Pagination } from "@/components/ui/Pagination";
import { Skeleton } from "@/components/ui/Skeleton";

export function ListFrame(props: {
  isLoading: boolean;
  error: { message: string } | null;
  onRetry: () => void;
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  empty: { title: string; description?: string; action?: ReactNode };
  filtered: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("lists");
  const tc = useTranslations("common");
  if (props.isLoading) {
    return (
      <div className="space-y-2" aria-busy="true" aria-live="polite">
        <span className="sr-only">{tc("loading")}</span>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    );
  }
  if (props.error) return <ErrorState message={props.error.message} onRetry={props.onRetry} />;
  if (props.total === 0) {
    return props.filtered ? (
      <EmptyState title={t("noMatches")} description={t("noMatchesHint")} />
    ) : (
      <EmptyState title={props.empty.title} description={props.empty.description} action={props.empty.action} />
    );
  }
  return (
    <div className="space-y-3">
      {props.children}
      <Pagination
        page={props.page}
        pageCount={Math.max(1, Math.ceil(props.total / props.pageSize))}
        total={props.total}
        onPageChange={props.onPageChange}
      />
    </div>
  );
}
