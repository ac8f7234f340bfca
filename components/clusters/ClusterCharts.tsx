"use client";
// A cluster's charts: GPUs allocated vs allocatable by type (dashed: allocatable) and its GPU cost per hour.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { ChartToolbar } from "@/components/charts/ChartToolbar";
import { TimeSeriesChart } from "@/components/charts/TimeSeriesChart";
import { useChartRange } from "@/components/charts/useChartRange";
import { useChartWidth } from "@/components/charts/useChartWidth";
import { ErrorState } from "@/components/ui/ErrorState";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";

export function ClusterCharts({ id, prometheusUrl }: { id: string; prometheusUrl: string | null }) {
  const t = useTranslations("charts");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const headingId = useId();
  const { range, refetchInterval } = useChartRange();
  const [gridRef, widthPx] = useChartWidth<HTMLDivElement>();
  const q = useQuery({
    ...trpc.metrics.clusterCharts.queryOptions({ id, range, widthPx }, { enabled: widthPx !== undefined }),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  // A new Prometheus URL (edited on this page) means other answers: refetch at once, not after staleTime.
  const seenUrl = useRef(prometheusUrl);
  useEffect(() => {
    if (seenUrl.current === prometheusUrl) return;
    seenUrl.current = prometheusUrl;
    void qc.invalidateQueries({ queryKey: trpc.metrics.pathKey() });
  }, [prometheusUrl, qc, trpc]);

  return (
    <section aria-labelledby={headingId} aria-busy={q.isPlaceholderData || undefined} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-sm font-semibold">
            {t("clusterHeading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("clusterDescription")}</p>
        </div>
        <ChartToolbar />
      </div>
      {q.error && !d ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : (
        <div ref={gridRef} className="grid gap-4 lg:grid-cols-2">
          <TimeSeriesChart
            title={t("titles.gpus")}
            unit="gpus"
            step
            range={range}
            window={d?.window}
            panel={d?.gpus}
            dashed={(s) => s.group === "allocatable"}
          />
          <TimeSeriesChart
            title={t("titles.costPerHour")}
            unit="moneyPerHour"
            range={range}
            window={d?.window}
            panel={d?.costPerHour}
          />
        </div>
      )}
    </section>
  );
}
