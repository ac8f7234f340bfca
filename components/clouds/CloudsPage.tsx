"use client";
// Clouds: the team's provider accounts, searchable and sortable, with add and delete for operators.
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { ProviderBadge } from "@/components/domain/ProviderBadge";
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { PROVIDERS } from "@/server/domain/values";
import type { CloudDto } from "@/server/validation/cloud";
import { CloudStoreDialog } from "./CloudStoreDialog";
import { CreateCloudDialog } from "./CreateCloudDialog";

const list = defineList({
  sorts: ["name", "provider", "createdAt"],
  defaultSort: "name",
  filters: { provider: PROVIDERS },
});

export function CloudsPage() {
  const t = useTranslations("clouds");
  const tc = useTranslations("common");
  const label = useDomainLabels();
  const format = useFormatter();
  const trpc = useTRPC();
  const { can } = useCurrentTeam();
  const [adding, setAdding] = useState(false);
  const [storeOf, setStoreOf] = useState<CloudDto | null>(null);
  const del = useConfirmedMutation({
    mutation: trpc.cloud.delete.mutationOptions(),
    variables: (c: CloudDto) => ({ id: c.id }),
    confirm: (c) => ({
      title: t("deleteTitle", { name: c.name }),
      description: t("deleteDescription"),
      confirmLabel: tc("delete"),
    }),
    success: (c) => t("deleted", { name: c.name }),
    invalidate: [trpc.cloud.list.queryKey()],
  });
  const addButton = can("OPERATOR") ? <Button onClick={() => setAdding(true)}>{t("add")}</Button> : undefined;

  return (
    <ListPage
      list={list}
      query={(input) => trpc.cloud.list.queryOptions(input)}
      title={t("title")}
      description={t("description")}
      actions={addButton}
      search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
      filters={{ provider: { label: t("filterProvider"), all: t("allProviders"), option: label.provider } }}
      empty={{ title: t("emptyTitle"), description: t("emptyDescription"), action: addButton }}
      columns={[
        { id: "name", header: t("name"), sortable: true, className: "font-medium", cell: (c) => c.name },
        { id: "provider", header: t("provider"), sortable: true, cell: (c) => <ProviderBadge provider={c.provider} /> },
        { id: "clusters", header: t("clusters"), cell: (c) => c.clusterCount },
        {
          id: "store",
          header: t("store"),
          cell: (c) =>
            c.store ? (
              <span className="font-mono text-xs">s3://{c.store.bucket}</span>
            ) : (
              <span className="text-muted-foreground">{t("storeNotSet")}</span>
            ),
        },
        {
          id: "createdAt",
          header: t("created"),
          sortable: true,
          cell: (c) => format.dateTime(c.createdAt, { dateStyle: "medium" }),
        },
      ]}
      rowActions={{
        items: [
          ...(can("ADMIN")
            ? [
                {
                  label: t("storeAction"),
                  name: (c: CloudDto) => t("storeActionNamed", { name: c.name }),
                  onSelect: setStoreOf,
                },
              ]
            : []),
          { label: tc("delete"), name: (c) => t("deleteNamed", { name: c.name }), onSelect: del.ask },
        ],
      }}
    >
      <CreateCloudDialog open={adding} onClose={() => setAdding(false)} />
      {storeOf && <CloudStoreDialog key={storeOf.id} cloud={storeOf} onClose={() => setStoreOf(null)} />}
      {del.dialog}
    </ListPage>
  );
}
