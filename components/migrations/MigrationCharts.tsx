"use client";
// Source and target side by side on one timeline (latency against the SLO, errors) plus each side's share
// of the requests, every chart marked at each step's start. Reads the metrics router's deployment charts.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useId } from "react";
import { ChartMessage } from "@/components/charts/ChartMessage";
import { TimeSeriesChart } from "@/components/charts/TimeSeriesChart";
import { LIVE_INTERVAL_MS } from "@/components/charts/useChartRange";
import { useChartWidth } from "@/components/charts/useChartWidth";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import type { MigrationDetail } from "@/server/validation/migration";
import { isActiveState } from "./migration-states";
import { rangeCovering, stepMarkers, trafficShare } from "./migration-timeline";
import { useMigrationMessage } from "./useMigrationMessage";

export function MigrationCharts({ m }: { m: MigrationDetail }) {
  const t = useTranslations("migrations.charts");
  const tc = useTranslations("charts");
  const say = useMigrationMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const headingId = useId();
  const [gridRef, widthPx] = useChartWidth<HTMLDivElement>();
  const active = isActiveState(m.state);
  const start = (m.startedAt ?? m.createdAt).getTime();
  // "Now" moves once a minute, so the range widens as a long migration runs but queries keep their keys meanwhile.
  const now = useNow({ updateInterval: 60_000 });
  const range = rangeCovering(start, now.getTime());
  const half = widthPx ? Math.max(100, Math.round(widthPx / 2)) : undefined;
  const opts = {
    refetchInterval: active ? LIVE_INTERVAL_MS : (false as const),
    placeholderData: keepPreviousData,
    retry: 1,
  };
  const src = useQuery({
    ...trpc.metrics.deploymentCharts.queryOptions(
      { id: m.sourceDeploymentId, range, widthPx: half },
      { enabled: half !== undefined },
    ),
    ...opts,
  });
  const targetId = m.targetDeploymentId;
  const tgt = useQuery({
    ...trpc.metrics.deploymentCharts.queryOptions(
      { id: targetId ?? m.sourceDeploymentId, range, widthPx: half },
      { enabled: half !== undefined && targetId !== null },
    ),
    ...opts,
  });
  const markers = stepMarkers(m.steps);
  const window = src.data?.window ?? tgt.data?.window;
  const common = { range, window, markers, height: 200 };
  const share = trafficShare(
    src.data?.requests,
    targetId ? tgt.data?.requests : { ok: true, series: [] },
    window?.stepSeconds ?? 15,
    {
      source: t("sourceShare", { cluster: m.sourceClusterName }),
      target: t("targetShare", { cluster: m.targetClusterName }),
    },
  );
  const slo = { ms: m.plan.source.latencySloMs, series: "p95" };

  const side = (which: "source" | "target") => {
    const q = which === "source" ? src : tgt;
    const cluster = which === "source" ? m.sourceClusterName : m.targetClusterName;
    if (which === "target" && !targetId) {
      return (
        <div className="h-full rounded-lg border border-dashed border-border p-4">
          <ChartMessage title={t("noTarget")} hint={t("noTargetHint")} />
        </div>
      );
    }
    if (q.error && !q.data) {
      const gone = q.error.data?.code === "NOT_FOUND";
      return (
        <div className="h-full rounded-lg border border-border p-4">
          <ChartMessage
            tone={gone ? "neutral" : "danger"}
            title={gone ? t("gone", { cluster }) : readError(q.error).message}
          />
        </div>
      );
    }
    return (
      <div className="space-y-4">
        <TimeSeriesChart
          {...common}
          title={t("latency", { side: t(which), cluster })}
          unit="ms"
          panel={q.data?.latency}
          slo={slo}
        />
        <TimeSeriesChart
          {...common}
          title={t("errors", { side: t(which), cluster })}
          unit="ratio"
          panel={q.data?.errorRatio}
        />
      </div>
    );
  };

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div>
        <h2 id={headingId} className="text-sm font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description", { range: tc(`rangeLong.${range}`) })}</p>
      </div>
      <div ref={gridRef} className="grid gap-4 lg:grid-cols-2">
        {side("source")}
        {side("target")}
        <TimeSeriesChart {...common} className="lg:col-span-2" title={t("share")} unit="ratio" panel={share} />
      </div>
      {markers.length > 0 && (
        <ol className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label={t("markers")}>
          {m.steps
            .filter((s) => s.startedAt)
            .map((s) => (
              <li key={s.index}>
                <span className="font-medium text-foreground">{s.index + 1}</span> {say(s.label)}{" "}
                {format.dateTime(s.startedAt!, {
                  hour: "2-digit",
                  minute: "2-digit",
                  second: "2-digit",
                  hourCycle: "h23",
                })}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
