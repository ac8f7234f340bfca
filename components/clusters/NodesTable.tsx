"use client";
// A cluster's nodes and GPU use by type, as last observed by the status sync.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import type { ClusterDto } from "@/server/validation/cluster";

export function NodesTable({
  nodes,
  gpuCapacity,
}: {
  nodes: ClusterDto["nodes"];
  gpuCapacity: ClusterDto["gpuCapacity"];
}) {
  const t = useTranslations("clusters");
  const types = Object.entries(gpuCapacity);
  return (
    <div className="space-y-3">
      {types.length > 0 && (
        <ul className="flex flex-wrap gap-3" aria-label={t("gpuUse")}>
          {types.map(([type, g]) => {
            const pct = g.allocatable ? Math.round((g.allocated / g.allocatable) * 100) : 0;
            return (
              <li key={type} className="min-w-48 rounded-lg border border-border p-3 text-sm">
                <p className="font-medium">{type}</p>
                <p className="text-muted-foreground">
                  {t("gpuAllocated", { allocated: g.allocated, allocatable: g.allocatable })}
                </p>
                <div
                  role="progressbar"
                  aria-label={t("gpuUseOf", { type })}
                  aria-valuenow={pct}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  className="mt-2 h-1.5 rounded-full bg-muted"
                >
                  <div className="h-full rounded-full bg-primary" style={{ width: `${pct}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {nodes.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noNodes")}</p>
      ) : (
        <Table caption={t("nodes")}>
          <THead>
            <Tr>
              <Th>{t("nodeName")}</Th>
              <Th>{t("nodeStatus")}</Th>
              <Th>{t("nodeGpuType")}</Th>
              <Th>{t("nodeGpus")}</Th>
            </Tr>
          </THead>
          <TBody>
            {nodes.map((n) => (
              <Tr key={n.name}>
                <Td className="font-mono text-xs">{n.name}</Td>
                <Td>
                  <Badge variant={n.ready ? "success" : "danger"}>{n.ready ? t("nodeReady") : t("nodeNotReady")}</Badge>
                </Td>
                <Td>{n.gpuType ?? "—"}</Td>
                <Td className="tabular-nums">{n.gpuAllocatable}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
