"use client";
// Clusters across clouds: search by name or region, filter by provider and health, sort, page.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { buttonClasses } from "@/components/ui/styles";
import { PageHeader } from "@/components/ui/PageHeader";
import { SearchInput } from "@/components/ui/SearchInput";
import { Select } from "@/components/ui/Select";
import { SortableTh } from "@/components/ui/SortableTh";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import { ListFrame } from "@/components/tables/ListFrame";
import { useListState } from "@/components/tables/useListState";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { PROVIDERS } from "@/server/validation/common";
import { HealthBadge } from "@/components/domain/HealthBadge";

const SORTS = ["name", "region", "health", "createdAt"] as const;
const FILTERS = ["provider", "health"] as const;
const HEALTH = ["HEALTHY", "DEGRADED", "UNREACHABLE", "UNKNOWN"] as const;
const PAGE_SIZE = 50;

export function ClustersPage() {
  const t = useTranslations("clusters");
  const tclouds = useTranslations("clouds");
  const trpc = useTRPC();
  const { can } = useCurrentTeam();
  const list = useListState({ sorts: SORTS, defaultSort: "name", filters: FILTERS });
  const provider = PROVIDERS.find((p) => p === list.filters.provider);
  const health = HEALTH.find((h) => h === list.filters.health);
  const query = useQuery({
    ...trpc.cluster.list.queryOptions({ page: list.page, pageSize: PAGE_SIZE, sort: list.sort, dir: list.dir, q: list.q, provider, health }),
    placeholderData: keepPreviousData,
  });
  const importLink = can("OPERATOR") ? (
    <Link href="/clusters/new" className={buttonClasses({ variant: "primary", size: "md" })}>
      {t("importCluster")}
    </Link>
  ) : null;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={importLink} />
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput label={t("searchLabel")} value={list.q} onChange={list.setQuery} placeholder={t("searchPlaceholder")} />
        <Select aria-label={tclouds("filterProvider")} value={provider ?? ""} onChange={(e) => list.setFilter("provider", e.target.value || null)}>
          <option value="">{tclouds("allProviders")}</option>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {tclouds(`providers.${p}`)}
            </option>
          ))}
        </Select>
        <Select aria-label={t("filterHealth")} value={health ?? ""} onChange={(e) => list.setFilter("health", e.target.value || null)}>
          <option value="">{t("allHealth")}</option>
          {HEALTH.map((h) => (
            <option key={h} value={h}>
              {t(`health.${h}`)}
            </option>
          ))}
        </Select>
      </div>
      <ListFrame
        isLoading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
        total={query.data?.total ?? 0}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        filtered={Boolean(list.q || provider || health)}
        empty={{ title: t("emptyTitle"), description: t("emptyDescription"), action: importLink ?? undefined }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <SortableTh direction={list.sortDirection("name")} onSort={(d) => list.setSort("name", d)}>
                {t("name")}
              </SortableTh>
              <Th>{t("cloud")}</Th>
              <SortableTh direction={list.sortDirection("region")} onSort={(d) => list.setSort("region", d)}>
                {t("region")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("health")} onSort={(d) => list.setSort("health", d)}>
                {t("healthLabel")}
              </SortableTh>
              <Th>{t("residencyTags")}</Th>
              <Th>{t("gpus")}</Th>
            </Tr>
          </THead>
          <TBody>
            {query.data?.items.map((c) => (
              <Tr key={c.id}>
                <Td className="font-medium">
                  <Link href={`/clusters/${c.id}`} className="text-primary hover:underline">
                    {c.name}
                  </Link>
                  {c.insecureTls && (
                    <Badge variant="warning" className="ml-2">
                      {c.insecureConfirmed ? t("insecureConfirmed") : t("insecureLocal")}
                    </Badge>
                  )}
                </Td>
                <Td>
                  {c.cloud.name} <span className="text-muted-foreground">({tclouds(`providers.${c.cloud.provider}`)})</span>
                </Td>
                <Td>{c.region}</Td>
                <Td>
                  <HealthBadge health={c.health} />
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {c.residencyTags.map((tag) => (
                      <Badge key={tag} variant="info">
                        {tag}
                      </Badge>
                    ))}
                  </div>
                </Td>
                <Td>
                  {Object.entries(c.gpuCapacity)
                    .map(([type, g]) => `${g.allocated}/${g.allocatable} ${type}`)
                    .join(", ") || "—"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListFrame>
    </div>
  );
}
