"use client";
// A deployment's charts: latency against its SLO, traffic, errors, ready replicas and GPU cost, over the
// range in the URL, refreshed every 5 s in live mode.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { ChartToolbar } from "@/components/charts/ChartToolbar";
import { TimeSeriesChart } from "@/components/charts/TimeSeriesChart";
import { useChartRange } from "@/components/charts/useChartRange";
import { useChartWidth } from "@/components/charts/useChartWidth";
import { ErrorState } from "@/components/ui/ErrorState";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { CostFormula } from "./CostFormula";

export function DeploymentCharts({ id }: { id: string }) {
  const t = useTranslations("charts");
  const trpc = useTRPC();
  const headingId = useId();
  const { range, refetchInterval } = useChartRange();
  const [gridRef, widthPx] = useChartWidth<HTMLDivElement>();
  const q = useQuery({
    ...trpc.metrics.deploymentCharts.queryOptions({ id, range, widthPx }, { enabled: widthPx !== undefined }),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  const common = { range, window: d?.window };
  // SLO alerts as markers on the latency chart: when each fired and, if it did, when it resolved.
  const ta = useTranslations("alerts");
  const alerts = useQuery({ ...trpc.alert.list.queryOptions({ deploymentId: id, limit: 50 }), refetchInterval });
  const alertMarkers = (alerts.data ?? []).flatMap((a) => [
    { atMs: a.startsAt.getTime(), label: `${a.name} ${ta("firing")}` },
    ...(a.endsAt ? [{ atMs: a.endsAt.getTime(), label: `${a.name} ${ta("resolved")}` }] : []),
  ]);

  return (
    <section aria-labelledby={headingId} aria-busy={q.isPlaceholderData || undefined} className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-sm font-semibold">
            {t("deploymentHeading")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("deploymentDescription")}</p>
        </div>
        <ChartToolbar />
      </div>
      {q.error && !d ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : (
        <div ref={gridRef} className="grid gap-4 lg:grid-cols-2">
          <TimeSeriesChart
            {...common}
            title={t("titles.latency")}
            unit="ms"
            panel={d?.latency}
            slo={d ? { ms: d.sloMs, series: "p95" } : undefined}
            markers={alertMarkers}
          />
          <TimeSeriesChart {...common} title={t("titles.requests")} unit="rps" panel={d?.requests} />
          <TimeSeriesChart {...common} title={t("titles.errorRate")} unit="ratio" panel={d?.errorRatio} />
          <TimeSeriesChart
            {...common}
            title={t("titles.readyReplicas")}
            unit="replicas"
            step
            panel={d?.readyReplicas}
          />
          <TimeSeriesChart {...common} title={t("titles.costPerHour")} unit="moneyPerHour" panel={d?.costPerHour} />
          <TimeSeriesChart
            {...common}
            title={t("titles.costOverRange")}
            description={t(`rangeLong.${range}`)}
            unit="money"
            panel={d?.cumulativeCost}
          />
        </div>
      )}
      {d && <CostFormula formula={d.formula} />}
    </section>
  );
}
