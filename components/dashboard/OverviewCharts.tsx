"use client";
// The overview's charts: totals, GPU cost per hour by cloud and by model, and SLO breaches; a cluster whose
// Prometheus did not answer is named above the partial results.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { ChartErrorList } from "@/components/charts/ChartErrorList";
import { ChartToolbar } from "@/components/charts/ChartToolbar";
import { TimeSeriesChart } from "@/components/charts/TimeSeriesChart";
import { useChartRange } from "@/components/charts/useChartRange";
import { useChartWidth } from "@/components/charts/useChartWidth";
import { ErrorState } from "@/components/ui/ErrorState";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ChartTotals } from "./ChartTotals";
import { SloBreaches } from "./SloBreaches";

export function OverviewCharts() {
  const t = useTranslations("charts");
  const trpc = useTRPC();
  const headingId = useId();
  const { range, refetchInterval } = useChartRange();
  const [gridRef, widthPx] = useChartWidth<HTMLDivElement>();
  const q = useQuery({
    ...trpc.metrics.overview.queryOptions({ range, widthPx }, { enabled: widthPx !== undefined }),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  // A panel's own error is shown on the panel; list only failures the panels do not already show.
  const partial = d && d.costByCloud.ok && d.slo.ok ? d.errors : [];

  return (
    <section aria-labelledby={headingId} aria-busy={q.isPlaceholderData || undefined} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-sm font-semibold">
            {t("overviewHeading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("overviewDescription")}</p>
        </div>
        <ChartToolbar />
      </div>
      {q.error && !d ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : (
        <div ref={gridRef} className="space-y-4">
          <ChartErrorList errors={partial} />
          <ChartTotals totals={d?.totals} range={range} />
          <div className="grid gap-4 lg:grid-cols-2">
            <TimeSeriesChart
              title={t("titles.costByCloud")}
              unit="moneyPerHour"
              range={range}
              window={d?.window}
              panel={d?.costByCloud}
            />
            <TimeSeriesChart
              title={t("titles.costByModel")}
              unit="moneyPerHour"
              range={range}
              window={d?.window}
              panel={d?.costByModel}
            />
          </div>
          <SloBreaches slo={d?.slo} />
        </div>
      )}
    </section>
  );
}
