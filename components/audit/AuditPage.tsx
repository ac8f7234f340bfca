"use client";
// The audit trail for admins: who did what, when, from where, with what outcome (secrets redacted).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
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
import { useTRPC } from "@/components/trpc/client";

const SORTS = ["createdAt", "action"] as const;
const FILTERS = ["outcome", "actor"] as const;
const OUTCOMES = ["SUCCESS", "DENIED", "FAILED", "PENDING"] as const;
const VARIANT = { SUCCESS: "success", DENIED: "danger", FAILED: "warning", PENDING: "warning" } as const;
const PAGE_SIZE = 50;

export function AuditPage() {
  const t = useTranslations("audit");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useListState({ sorts: SORTS, defaultSort: "createdAt", defaultDir: "desc", filters: FILTERS });
  const outcome = OUTCOMES.find((o) => o === list.filters.outcome);
  const query = useQuery({
    ...trpc.audit.list.queryOptions({
      page: list.page,
      pageSize: PAGE_SIZE,
      sort: list.sort,
      dir: list.dir,
      q: list.q,
      outcome,
      actor: list.filters.actor,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput label={t("searchAction")} value={list.q} onChange={list.setQuery} placeholder={t("searchPlaceholder")} />
        <SearchInput label={t("actor")} value={list.filters.actor ?? ""} onChange={(v) => list.setFilter("actor", v || null)} placeholder={t("actorPlaceholder")} />
        <Select aria-label={t("filterOutcome")} value={outcome ?? ""} onChange={(e) => list.setFilter("outcome", e.target.value || null)}>
          <option value="">{t("allOutcomes")}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
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
        filtered={Boolean(list.q || outcome || list.filters.actor)}
        empty={{ title: t("emptyTitle") }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <SortableTh direction={list.sortDirection("createdAt")} onSort={(d) => list.setSort("createdAt", d)}>
                {t("time")}
              </SortableTh>
              <Th>{t("actor")}</Th>
              <SortableTh direction={list.sortDirection("action")} onSort={(d) => list.setSort("action", d)}>
                {t("action")}
              </SortableTh>
              <Th>{t("target")}</Th>
              <Th>{t("outcome")}</Th>
              <Th>{t("details")}</Th>
            </Tr>
          </THead>
          <TBody>
            {query.data?.items.map((e) => (
              <Tr key={e.id}>
                <Td className="whitespace-nowrap tabular-nums">{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
                <Td>{e.actorEmail ?? t("anonymous")}</Td>
                <Td>
                  <code className="text-xs">{e.action}</code>
                </Td>
                <Td className="text-xs text-muted-foreground">{e.targetId ?? "—"}</Td>
                <Td>
                  <Badge variant={VARIANT[e.outcome]}>{t(`outcomes.${e.outcome}`)}</Badge>
                </Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer text-xs text-primary">{t("show")}</summary>
                    <pre className="mt-1 max-w-md overflow-auto text-xs whitespace-pre-wrap">{e.details}</pre>
                    <p className="text-xs text-muted-foreground">
                      {t("requestId")}: {e.requestId}
                      {e.ip ? ` · ${e.ip}` : ""}
                    </p>
                  </details>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListFrame>
    </div>
  );
}
