"use client";
// The deployments furthest over their latency SLO now (p95 of the last 2 minutes), worst first.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ChartMessage } from "@/components/charts/ChartMessage";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { THead } from "@/components/ui/THead";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { Tr } from "@/components/ui/Tr";
import type { OverviewChartsDto } from "@/server/validation/metrics";

export function SloBreaches({ slo }: { slo: OverviewChartsDto["slo"] | undefined }) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const ms = (v: number) => t("slo.ms", { value: format.number(v, { maximumFractionDigits: v < 10 ? 1 : 0 }) });
  return (
    <Card title={t("slo.title")} description={t("slo.description")} flush={Boolean(slo?.ok && slo.breaches.length)}>
      {!slo ? (
        <Skeleton className="h-24 w-full" />
      ) : !slo.ok ? (
        <div className="h-28">
          <ChartMessage tone="danger" title={t(`errors.${slo.error.kind}`, { message: slo.error.message })} />
        </div>
      ) : slo.breaches.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {t("slo.none", { checked: slo.checked, total: slo.deployments })}
        </p>
      ) : (
        <Table framed={false} caption={t("slo.title")}>
          <THead>
            <Tr>
              <Th>{t("slo.deployment")}</Th>
              <Th>{t("slo.cluster")}</Th>
              <Th align="right">{t("slo.p95")}</Th>
              <Th align="right">{t("slo.slo")}</Th>
              <Th align="right">{t("slo.over")}</Th>
            </Tr>
          </THead>
          <TBody>
            {slo.breaches.map((b) => (
              <Tr key={b.deploymentId}>
                <Td>
                  <Link href={`/deployments/${b.deploymentId}`} className="font-medium text-primary hover:underline">
                    {b.name}
                  </Link>
                  <span className="ml-2 text-xs text-muted-foreground">{b.model}</span>
                </Td>
                <Td>{b.cluster}</Td>
                <Td align="right" className="font-medium text-danger">
                  {ms(b.p95Ms)}
                </Td>
                <Td align="right">{ms(b.sloMs)}</Td>
                <Td align="right">
                  {t("slo.percentOver", {
                    percent: format.number(b.p95Ms / b.sloMs - 1, { style: "percent", maximumFractionDigits: 0 }),
                  })}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
