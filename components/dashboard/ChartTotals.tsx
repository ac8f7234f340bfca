"use client";
// The overview's headline numbers: GPU cost per hour now, cost over the chosen range, requests per second.
import { useFormatter, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/Skeleton";
import type { ChartRange, Money, OverviewChartsDto } from "@/server/validation/metrics";

export function ChartTotals({ totals, range }: { totals: OverviewChartsDto["totals"] | undefined; range: ChartRange }) {
  const t = useTranslations("charts");
  const format = useFormatter();
  // Amounts in different currencies are listed side by side, never added up.
  const money = (list: Money[]) =>
    list.length
      ? list
          .map((m) =>
            /^[A-Z]{3}$/.test(m.currency)
              ? format.number(m.value, { style: "currency", currency: m.currency, maximumFractionDigits: 2 })
              : format.number(m.value, { maximumFractionDigits: 2 }),
          )
          .join(" + ")
      : t("totals.unknown");
  const tiles: [string, string | undefined][] = [
    [t("totals.costPerHour"), totals && money(totals.costPerHour)],
    [t("totals.costOverRange", { range: t(`rangeLong.${range}`) }), totals && money(totals.costOverRange)],
    [
      t("totals.requestsPerSecond"),
      totals &&
        (totals.requestsPerSecond === null
          ? t("totals.unknown")
          : format.number(totals.requestsPerSecond, { maximumFractionDigits: 1 })),
    ],
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {tiles.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-border bg-surface p-5 shadow-xs">
          <dt className="text-sm text-muted-foreground">{label}</dt>
          <dd className="mt-2 text-2xl font-semibold tabular-nums">{value ?? <Skeleton className="h-8 w-24" />}</dd>
        </div>
      ))}
    </dl>
  );
}
