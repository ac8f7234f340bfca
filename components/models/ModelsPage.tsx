"use client";
// Models: searchable and sortable, with their version count and newest version; add for operators.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { CreateModelDialog } from "./CreateModelDialog";

const list = defineList({ sorts: ["name", "task", "createdAt"], defaultSort: "name" });

export function ModelsPage() {
  const t = useTranslations("models");
  const format = useFormatter();
  const trpc = useTRPC();
  const { can } = useCurrentTeam();
  const [adding, setAdding] = useState(false);
  const addButton = can("OPERATOR") ? (
    <Button variant="primary" onClick={() => setAdding(true)}>
      {t("add")}
    </Button>
  ) : undefined;

  return (
    <ListPage
      list={list}
      query={(input) => trpc.model.list.queryOptions(input)}
      title={t("title")}
      description={t("description")}
      actions={addButton}
      search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
      filters={{}}
      empty={{ title: t("emptyTitle"), description: t("emptyDescription"), action: addButton }}
      columns={[
        {
          id: "name",
          header: t("name"),
          sortable: true,
          className: "font-medium",
          cell: (m) => (
            <Link href={`/models/${m.id}`} className="text-primary hover:underline">
              {m.name}
            </Link>
          ),
        },
        { id: "task", header: t("task"), sortable: true, cell: (m) => m.task },
        { id: "framework", header: t("framework"), cell: (m) => m.framework },
        {
          id: "versions",
          header: t("versions"),
          align: "right",
          className: "tabular-nums",
          cell: (m) => m.versionCount,
        },
        {
          id: "latestVersion",
          header: t("latestVersion"),
          cell: (m) =>
            m.latestVersion ? (
              <Badge variant="info">{m.latestVersion}</Badge>
            ) : (
              <span className="text-muted-foreground">{t("none")}</span>
            ),
        },
        {
          id: "createdAt",
          header: t("created"),
          sortable: true,
          cell: (m) => format.dateTime(m.createdAt, { dateStyle: "medium" }),
        },
      ]}
    >
      <CreateModelDialog open={adding} onClose={() => setAdding(false)} />
    </ListPage>
  );
}
