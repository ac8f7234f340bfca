"use client";
// Clusters across clouds: search by name or region, filter by provider and health, sort, page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { buttonClasses } from "@/components/ui/styles";
import { HealthBadge } from "@/components/domain/HealthBadge";
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { CLUSTER_HEALTH, PROVIDERS } from "@/server/domain/values";

const list = defineList({
  sorts: ["name", "region", "health", "createdAt"],
  defaultSort: "name",
  filters: { provider: PROVIDERS, health: CLUSTER_HEALTH },
});

export function ClustersPage() {
  const t = useTranslations("clusters");
  const tclouds = useTranslations("clouds");
  const label = useDomainLabels();
  const trpc = useTRPC();
  const { can } = useCurrentTeam();
  const importLink = can("OPERATOR") ? (
    <Link href="/clusters/new" className={buttonClasses({ variant: "primary", size: "md" })}>
      {t("importCluster")}
    </Link>
  ) : undefined;

  return (
    <ListPage
      list={list}
      query={(input) => trpc.cluster.list.queryOptions(input)}
      title={t("title")}
      description={t("description")}
      actions={importLink}
      search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
      filters={{
        provider: { label: tclouds("filterProvider"), all: tclouds("allProviders"), option: label.provider },
        health: { label: t("filterHealth"), all: t("allHealth"), option: label.health },
      }}
      empty={{ title: t("emptyTitle"), description: t("emptyDescription"), action: importLink }}
      columns={[
        {
          id: "name",
          header: t("name"),
          sortable: true,
          className: "font-medium",
          cell: (c) => (
            <>
              <Link href={`/clusters/${c.id}`} className="text-primary hover:underline">
                {c.name}
              </Link>
              {c.insecureTls && (
                <Badge variant="warning" className="ml-2">
                  {c.insecureConfirmed ? t("insecureConfirmed") : t("insecureLocal")}
                </Badge>
              )}
            </>
          ),
        },
        {
          id: "cloud",
          header: t("cloud"),
          cell: (c) => (
            <>
              {c.cloud.name} <span className="text-muted-foreground">({label.provider(c.cloud.provider)})</span>
            </>
          ),
        },
        { id: "region", header: t("region"), sortable: true, cell: (c) => c.region },
        { id: "health", header: t("healthLabel"), sortable: true, cell: (c) => <HealthBadge health={c.health} /> },
        {
          id: "residencyTags",
          header: t("residencyTags"),
          cell: (c) => (
            <div className="flex flex-wrap gap-1">
              {c.residencyTags.map((tag) => (
                <Badge key={tag} variant="info">
                  {tag}
                </Badge>
              ))}
            </div>
          ),
        },
        {
          id: "gpus",
          header: t("gpus"),
          cell: (c) =>
            Object.entries(c.gpuCapacity)
              .map(([type, g]) => `${g.allocated}/${g.allocatable} ${type}`)
              .join(", ") || "—",
        },
      ]}
    />
  );
}
