"use client";
// Migrations of the team: filter by state (in the URL), search by model or requester, sort, page.
// Self-contained on purpose: the list definition (columns, filters) is small enough to port to a table helper.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ListFrame } from "@/components/tables/ListFrame";
import { useListState } from "@/components/tables/useListState";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/ui/PageHeader";
import { SearchInput } from "@/components/ui/SearchInput";
import { Select } from "@/components/ui/Select";
import { SortableTh } from "@/components/ui/SortableTh";
import { TBody } from "@/components/ui/TBody";
import { THead } from "@/components/ui/THead";
import { Table } from "@/components/ui/Table";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { Tr } from "@/components/ui/Tr";
import { MIGRATION_STATES } from "@/server/validation/migration";
import { MigrationStateBadge } from "./MigrationStateBadge";
import { ACTIVE_POLL_MS, isActiveState, type MigrationState } from "./migration-states";

const SORTS = ["createdAt", "state"] as const;
const FILTERS = ["state"] as const;
const PAGE_SIZE = 25;
const knownState = (s: string | undefined): MigrationState | undefined => MIGRATION_STATES.find((x) => x === s);

export function MigrationsPage() {
  const t = useTranslations("migrations");
  const tl = useTranslations("migrations.list");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useListState({ sorts: SORTS, defaultSort: "createdAt", defaultDir: "desc", filters: FILTERS });
  const state = knownState(list.filters.state);
  const query = useQuery({
    ...trpc.migration.list.queryOptions({ page: list.page, pageSize: PAGE_SIZE, sort: list.sort, dir: list.dir, q: list.q, state }),
    placeholderData: keepPreviousData,
    // Progress of running migrations shows without a reload.
    refetchInterval: (q) => (q.state.data?.items.some((m) => isActiveState(m.state)) ? ACTIVE_POLL_MS * 2 : false),
  });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput label={tl("searchLabel")} value={list.q} onChange={list.setQuery} placeholder={tl("searchPlaceholder")} />
        <Select aria-label={tl("filterState")} value={state ?? ""} onChange={(e) => list.setFilter("state", e.target.value || null)}>
          <option value="">{tl("allStates")}</option>
          {MIGRATION_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
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
        filtered={Boolean(list.q || state)}
        empty={{
          title: tl("emptyTitle"),
          description: tl("emptyDescription"),
          action: (
            <Link href="/deployments" className="text-primary text-sm hover:underline">
              {tl("emptyAction")}
            </Link>
          ),
        }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <Th>{tl("model")}</Th>
              <Th>{tl("route")}</Th>
              <SortableTh direction={list.sortDirection("state")} onSort={(d) => list.setSort("state", d)}>
                {tl("state")}
              </SortableTh>
              <Th>{tl("step")}</Th>
              <Th align="right">{tl("approvals")}</Th>
              <Th>{tl("requestedBy")}</Th>
              <SortableTh direction={list.sortDirection("createdAt")} onSort={(d) => list.setSort("createdAt", d)}>
                {tl("created")}
              </SortableTh>
            </Tr>
          </THead>
          <TBody>
            {query.data?.items.map((m) => (
              <Tr key={m.id}>
                <Td>
                  <Link href={`/migrations/${m.id}`} className="text-primary block font-medium hover:underline">
                    {m.modelName}
                  </Link>
                  <span className="text-muted-foreground block text-xs">{m.deploymentName}</span>
                </Td>
                <Td className="whitespace-nowrap">
                  {m.sourceClusterName} <span aria-hidden="true">→</span>
                  <span className="sr-only">{tl("to")}</span> {m.targetClusterName}
                </Td>
                <Td>
                  <MigrationStateBadge state={m.state} />
                </Td>
                <Td className="text-muted-foreground">{m.currentStep ?? "—"}</Td>
                <Td align="right" className="whitespace-nowrap tabular-nums">
                  {tl("approvalsOf", { approvals: m.approvals, required: m.requiredApprovals })}
                </Td>
                <Td className="whitespace-nowrap">{m.requestedByEmail}</Td>
                <Td className="whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListFrame>
    </div>
  );
}
