"use client";
// The deployment's HorizontalPodAutoscaler as the cluster reports it: target, current value, replicas, conditions
// and scale events.
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/Card";
import type { DeploymentDetailDto } from "@/server/validation/deployment";

/** Events the HPA controller records about the deployment's autoscaler. */
const SCALE_REASONS = new Set(["SuccessfulRescale", "FailedGetScale", "FailedRescale", "FailedGetPodsMetric"]);

export function AutoscalerPanel({ d }: { d: DeploymentDetailDto }) {
  const t = useTranslations("autoscale");
  const format = useFormatter();
  const a = d.autoscaler;
  const events = d.recentEvents.filter((e) => SCALE_REASONS.has(e.reason));
  const number = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  return (
    <Card className="space-y-4 p-6" aria-labelledby="autoscaler-title">
      <h2 id="autoscaler-title" className="text-sm font-semibold">
        {t("title")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4" data-testid="autoscaler">
        <dt className="text-muted-foreground">{t("metric")}</dt>
        <dd>{t(`metric_${a.metric}`)}</dd>
        <dt className="text-muted-foreground">{t("targetValue")}</dt>
        <dd>{number(a.target)}</dd>
        <dt className="text-muted-foreground">{t("current")}</dt>
        <dd>{a.currentValue === null ? t("unknown") : number(a.currentValue)}</dd>
        <dt className="text-muted-foreground">{t("bounds")}</dt>
        <dd>{t("boundsValue", { min: d.minReplicas, max: d.maxReplicas })}</dd>
        <dt className="text-muted-foreground">{t("replicas")}</dt>
        <dd>{a.currentReplicas === null ? t("noAutoscaler") : `${a.currentReplicas} → ${a.desiredReplicas ?? "?"}`}</dd>
        <dt className="text-muted-foreground">{t("lastScale")}</dt>
        <dd>{a.lastScaleAt ? format.relativeTime(a.lastScaleAt) : t("never")}</dd>
      </dl>
      {d.minReplicas === 0 && (
        <p role="note" className="rounded-md bg-warning/10 px-3 py-2 text-sm">
          {t("scaleFromZero")}
        </p>
      )}
      {a.conditions.length > 0 && (
        <ul className="space-y-1 text-sm">
          {a.conditions.map((c) => (
            <li key={c.type}>
              <span className={c.status === "True" ? "font-medium" : "font-medium text-muted-foreground"}>
                {c.type}={c.status}
              </span>{" "}
              {c.reason ? <span className="text-muted-foreground">({c.reason})</span> : null} {c.message}
            </li>
          ))}
        </ul>
      )}
      <div className="space-y-1">
        <h3 className="text-xs font-semibold text-muted-foreground">{t("scaleEvents")}</h3>
        {events.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noScaleEvents")}</p>
        ) : (
          <ul className="text-sm" data-testid="scale-events">
            {events.map((e, i) => (
              <li key={`${e.at}-${i}`} className="flex gap-3">
                <span className={e.type === "Warning" ? "text-warning" : ""}>{e.message}</span>
                <time className="ml-auto text-muted-foreground tabular-nums" dateTime={e.at}>
                  {format.relativeTime(new Date(e.at))}
                </time>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="text-xs text-muted-foreground">{t("manualNote")}</p>
    </Card>
  );
}
