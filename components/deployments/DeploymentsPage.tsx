"use client";
// Deployments across clusters: search by name, filter by phase, sort, page. Read-only until the cluster driver lands.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import { PageHeader } from "@/components/ui/PageHeader";
import { buttonClasses } from "@/components/ui/styles";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
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
import { useTRPC } from "@/components/trpc/client";

const SORTS = ["name", "phase", "replicas", "createdAt"] as const;
const FILTERS = ["phase"] as const;
const PAGE_SIZE = 50;
// Phases the status sync writes; the column stays a string, so an unknown phase still shows as written.
const PHASES = ["Pending", "Progressing", "Ready", "Degraded", "Failed", "Terminating"] as const;
type Phase = (typeof PHASES)[number];
const PHASE_VARIANT: Record<Phase, BadgeVariant> = {
  Pending: "neutral",
  Progressing: "info",
  Ready: "success",
  Degraded: "warning",
  Failed: "danger",
  Terminating: "neutral",
};
const knownPhase = (p: string | undefined): Phase | undefined => PHASES.find((x) => x === p);

export function DeploymentsPage() {
  const t = useTranslations("deployments");
  const tDeploy = useTranslations("deploy");
  const { can } = useCurrentTeam();
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useListState({ sorts: SORTS, defaultSort: "name", filters: FILTERS });
  const phase = knownPhase(list.filters.phase);

  const query = useQuery({
    ...trpc.deployment.list.queryOptions({
      page: list.page,
      pageSize: PAGE_SIZE,
      sort: list.sort,
      dir: list.dir,
      q: list.q,
      phase,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can("OPERATOR") ? (
            <Link href="/deployments/new" className={buttonClasses({ variant: "primary" })}>
              {tDeploy("deployModel")}
            </Link>
          ) : null
        }
      />
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput
          label={t("searchLabel")}
          value={list.q}
          onChange={list.setQuery}
          placeholder={t("searchPlaceholder")}
        />
        <Select
          aria-label={t("filterPhase")}
          value={phase ?? ""}
          onChange={(e) => list.setFilter("phase", e.target.value || null)}
        >
          <option value="">{t("allPhases")}</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`phases.${p}`)}
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
        filtered={Boolean(list.q || phase)}
        empty={{ title: t("emptyTitle"), description: t("emptyDescription") }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <SortableTh direction={list.sortDirection("name")} onSort={(d) => list.setSort("name", d)}>
                {t("name")}
              </SortableTh>
              <Th>{t("model")}</Th>
              <Th>{t("cluster")}</Th>
              <SortableTh
                align="right"
                direction={list.sortDirection("replicas")}
                onSort={(d) => list.setSort("replicas", d)}
              >
                {t("replicas")}
              </SortableTh>
              <Th>{t("gpus")}</Th>
              <Th align="right">{t("latencySlo")}</Th>
              <SortableTh direction={list.sortDirection("phase")} onSort={(d) => list.setSort("phase", d)}>
                {t("phase")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("createdAt")} onSort={(d) => list.setSort("createdAt", d)}>
                {t("created")}
              </SortableTh>
            </Tr>
          </THead>
          <TBody>
            {query.data?.items.map((d) => {
              const p = knownPhase(d.phase);
              return (
                <Tr key={d.id}>
                  <Td>
                    <Link href={`/deployments/${d.id}`} className="block font-medium text-primary hover:underline">
                      {d.name}
                    </Link>
                    <span className="block text-xs text-muted-foreground">
                      {t("namespace", { namespace: d.namespace })}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Link href={`/models/${d.modelVersion.model.id}`} className="text-primary hover:underline">
                      {d.modelVersion.model.name}@{d.modelVersion.version}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Link href={`/clusters/${d.cluster.id}`} className="text-primary hover:underline">
                      {d.cluster.name}
                    </Link>
                    <span className="block text-xs text-muted-foreground">{d.cluster.region}</span>
                  </Td>
                  <Td align="right" className="whitespace-nowrap tabular-nums">
                    {t("readyOf", { ready: d.readyReplicas, total: d.replicas })}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {t("gpusPerReplica", { count: d.gpusPerReplica, gpuType: d.gpuType })}
                  </Td>
                  <Td align="right" className="whitespace-nowrap tabular-nums">
                    {t("latencyValue", { ms: d.latencySloMs })}
                  </Td>
                  <Td>
                    <Badge variant={p ? PHASE_VARIANT[p] : "neutral"} dot>
                      {p ? t(`phases.${p}`) : d.phase}
                    </Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{format.dateTime(d.createdAt, { dateStyle: "medium" })}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </ListFrame>
    </div>
  );
}
