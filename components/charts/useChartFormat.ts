"use client";
// Number and time formats for one chart's unit and range, in the user's locale (times in UTC, like the rest of Tern).
import { useFormatter, useTranslations } from "next-intl";
import type { ChartRange } from "@/server/validation/metrics";

export type ChartUnit = "ms" | "rps" | "ratio" | "replicas" | "gpus" | "moneyPerHour" | "money";

const SHORT_RANGES: readonly ChartRange[] = ["15m", "1h", "6h", "24h"];

export function useChartFormat(unit: ChartUnit, range: ChartRange, currency: string | undefined) {
  const format = useFormatter();
  const t = useTranslations("charts");
  const isMoney = unit === "money" || unit === "moneyPerHour";
  const validCurrency = currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined;

  const value = (v: number): string => {
    if (unit === "ratio") return format.number(v, { style: "percent", maximumFractionDigits: v < 0.1 ? 2 : 1 });
    if (isMoney)
      return validCurrency
        ? format.number(v, { style: "currency", currency: validCurrency, maximumFractionDigits: v < 10 ? 4 : 2 })
        : format.number(v, { maximumFractionDigits: 4 });
    const digits = unit === "replicas" || unit === "gpus" ? 1 : v < 10 ? 2 : v < 100 ? 1 : 0;
    const n = format.number(v, { maximumFractionDigits: digits });
    return unit === "ms" ? t("slo.ms", { value: n }) : n;
  };

  // Three significant digits keep neighbouring ticks apart even for small amounts (0.0125 USD).
  const tick = (v: number): string => {
    if (unit === "ratio") return format.number(v, { style: "percent", maximumSignificantDigits: 3 });
    if (Math.abs(v) >= 1000) return format.number(v, { notation: "compact", maximumFractionDigits: 1 });
    return format.number(v, { maximumSignificantDigits: 3 });
  };

  const axisTime = (ms: number): string =>
    SHORT_RANGES.includes(range)
      ? format.dateTime(ms, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      : format.dateTime(ms, { month: "short", day: "numeric" });

  const fullTime = (ms: number): string =>
    format.dateTime(ms, {
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });

  // Several currencies on one chart: each series names its own, the axis only says "per hour".
  const unitLabel =
    unit === "moneyPerHour"
      ? currency
        ? t("units.moneyPerHour", { currency })
        : t("units.perHour")
      : unit === "money"
        ? currency
          ? t("units.money", { currency })
          : t("units.amount")
        : t(`units.${unit}`);

  return { value, tick, axisTime, fullTime, unitLabel };
}
