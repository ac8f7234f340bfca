"use client";
// The pods of a deployment as mirrored from the cluster.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import type { DeploymentDetailDto } from "@/server/validation/deployment";

export function PodsTable({ pods }: { pods: DeploymentDetailDto["pods"] }) {
  const t = useTranslations("deploy");
  if (pods.length === 0) return <p className="text-sm text-muted-foreground">{t("noPods")}</p>;
  return (
    <Table caption={t("pods")}>
      <THead>
        <Tr>
          <Th>{t("podName")}</Th>
          <Th>{t("podPhase")}</Th>
          <Th>{t("podReady")}</Th>
          <Th>{t("podRestarts")}</Th>
          <Th>{t("podNode")}</Th>
          <Th>{t("podReason")}</Th>
        </Tr>
      </THead>
      <TBody>
        {pods.map((p) => (
          <Tr key={p.name}>
            <Td className="font-mono text-xs">{p.name}</Td>
            <Td>{p.phase}</Td>
            <Td>
              <Badge variant={p.ready ? "success" : "warning"}>{p.ready ? t("yes") : t("no")}</Badge>
            </Td>
            <Td className="tabular-nums">{p.restarts}</Td>
            <Td>{p.node ?? "—"}</Td>
            <Td className="text-xs" wrap>
              {p.reason ?? ""}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
