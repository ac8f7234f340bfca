"use client";
// The plan's proposed moves with their reasons; checkboxes select the ones to turn into migration requests.
import { useFormatter, useTranslations } from "next-intl";
import type { RecommendationsPlan } from "@/server/validation/recommendations";
import { Badge } from "@/components/ui/Badge";
import { TBody } from "@/components/ui/TBody";
import { THead } from "@/components/ui/THead";
import { Table } from "@/components/ui/Table";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { Tr } from "@/components/ui/Tr";

export const moveKey = (m: RecommendationsPlan["moves"][number]) =>
  `${m.deploymentId}/${m.to.clusterId}/${m.to.gpuType}`;

export function RecommendedMovesTable({
  plan,
  selected,
  onToggle,
}: {
  plan: RecommendationsPlan;
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  const t = useTranslations("recommendations");
  const format = useFormatter();
  const money = (v: number) =>
    format.number(v, { style: "currency", currency: plan.currency, maximumFractionDigits: 0 });
  const name = (id: string) => plan.clusters.find((c) => c.id === id)?.name ?? id;
  return (
    <Table caption={t("moves")}>
      <THead>
        <Tr>
          <Th>
            <span className="sr-only">{t("moves")}</span>
          </Th>
          <Th>{t("deployment")}</Th>
          <Th>{t("route")}</Th>
          <Th align="right">{t("monthlySaving")}</Th>
          <Th align="right">{t("moveCost")}</Th>
          <Th>{t("reasons")}</Th>
        </Tr>
      </THead>
      <TBody>
        {plan.moves.map((m) => (
          <Tr key={moveKey(m)}>
            <Td>
              <input
                type="checkbox"
                aria-label={t("select", { deployment: m.deploymentName })}
                checked={selected.has(moveKey(m))}
                onChange={() => onToggle(moveKey(m))}
              />
            </Td>
            <Td className="font-medium">{m.deploymentName}</Td>
            <Td className="whitespace-nowrap">
              {m.fromClusterIds.length ? m.fromClusterIds.map(name).join(", ") : t("newPlace")} → {name(m.to.clusterId)}{" "}
              ({m.to.replicas} × {m.to.gpuType})
            </Td>
            <Td align="right" className="tabular-nums">
              {money(m.monthlyBefore - m.monthlyAfter)}
            </Td>
            <Td align="right" className="tabular-nums">
              {money(m.moveCost)}
            </Td>
            <Td className="space-x-1">
              {m.reasons.map((r) => (
                <Badge key={r} variant={r === "price" ? "success" : r === "excluded" ? "warning" : "info"}>
                  {t(`reason.${r}`)}
                </Badge>
              ))}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
