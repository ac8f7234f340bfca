"use client";
// How a deployment's cost is computed, with today's numbers: ready replicas × GPUs per replica × GPU-hour price.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { DeploymentChartsDto } from "@/server/validation/metrics";

export function CostFormula({ formula }: { formula: DeploymentChartsDto["formula"] }) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const { provider, region, gpuType, gpusPerReplica, pricePerHour, currency, readyReplicas } = formula;
  const money = (v: number) =>
    currency && /^[A-Z]{3}$/.test(currency)
      ? format.number(v, { style: "currency", currency, maximumFractionDigits: 4 })
      : format.number(v, { maximumFractionDigits: 4 });
  return (
    <div className="rounded-lg border border-border bg-muted/40 px-4 py-3 text-sm">
      <h3 className="font-semibold text-foreground">{t("formula.title")}</h3>
      <p className="mt-1 text-muted-foreground">{t("formula.generic")}</p>
      <p className="mt-1" data-testid="cost-formula">
        {pricePerHour === null ? (
          <>
            {t("formula.noPrice", { provider, region, gpuType })}{" "}
            <Link href="/gpu-prices" className="text-primary hover:underline">
              {t("formula.addPrice")}
            </Link>
          </>
        ) : readyReplicas === null ? (
          t("formula.noReady", { price: money(pricePerHour), provider, region, gpuType })
        ) : (
          t("formula.withNumbers", {
            ready: readyReplicas,
            gpus: gpusPerReplica,
            price: money(pricePerHour),
            provider,
            region,
            gpuType,
            total: money(readyReplicas * gpusPerReplica * pricePerHour),
          })
        )}
      </p>
      <p className="mt-1 text-muted-foreground">{t("formula.cumulative")}</p>
    </div>
  );
}
