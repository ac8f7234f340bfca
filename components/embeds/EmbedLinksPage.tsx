"use client";
// The team's embed links: which chart, who made it, when it expires and was last viewed; operators revoke.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
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
import { readError } from "@/components/trpc/errors";
import { EMBED_STATUSES, type EmbedLinkDto } from "@/server/validation/embed";
import { rangeKey } from "./embed-labels";
import { EmbedOriginsCard } from "./EmbedOriginsCard";
import { EmbedStatusBadge } from "./EmbedStatusBadge";

const SORTS = ["createdAt", "expiresAt", "lastUsedAt", "title"] as const;
const FILTERS = ["status"] as const;
const PAGE_SIZE = 50;

export function EmbedLinksPage() {
  const t = useTranslations("embeds");
  const tc = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const list = useListState({ sorts: SORTS, defaultSort: "createdAt", defaultDir: "desc", filters: FILTERS });
  const status = EMBED_STATUSES.find((s) => s === list.filters.status);
  const [revoking, setRevoking] = useState<EmbedLinkDto | null>(null);

  const query = useQuery({
    ...trpc.embed.list.queryOptions({
      page: list.page,
      pageSize: PAGE_SIZE,
      sort: list.sort,
      dir: list.dir,
      q: list.q,
      status,
    }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation(
    trpc.embed.revoke.mutationOptions({
      onSuccess: async () => {
        toast.success(t("revokedToast"));
        setRevoking(null);
        await qc.invalidateQueries({ queryKey: trpc.embed.list.queryKey() });
      },
      onError: (e) => {
        toast.error(readError(e).message);
        setRevoking(null);
      },
    }),
  );
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const full = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const summary = (l: EmbedLinkDto) => {
    const metric = t(`metrics.${l.metric}`);
    const range = t(`ranges.${rangeKey(l.rangeMinutes)}`);
    return l.live ? t("liveSummary", { metric, range }) : t("fixedSummary", { metric, range, date: full(l.createdAt) });
  };

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {can("ADMIN") && <EmbedOriginsCard />}
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput
          label={t("searchLabel")}
          value={list.q}
          onChange={list.setQuery}
          placeholder={t("searchPlaceholder")}
        />
        <Select
          aria-label={t("filterStatus")}
          value={status ?? ""}
          onChange={(e) => list.setFilter("status", e.target.value || null)}
        >
          <option value="">{t("allStatuses")}</option>
          {EMBED_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
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
        filtered={Boolean(list.q || status)}
        empty={{ title: t("emptyTitle"), description: t("emptyDescription") }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <SortableTh direction={list.sortDirection("title")} onSort={(d) => list.setSort("title", d)}>
                {t("chart")}
              </SortableTh>
              <Th>{t("deployment")}</Th>
              <Th>{t("createdBy")}</Th>
              <SortableTh direction={list.sortDirection("createdAt")} onSort={(d) => list.setSort("createdAt", d)}>
                {t("created")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("expiresAt")} onSort={(d) => list.setSort("expiresAt", d)}>
                {t("expires")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("lastUsedAt")} onSort={(d) => list.setSort("lastUsedAt", d)}>
                {t("lastUsed")}
              </SortableTh>
              <Th>{t("status")}</Th>
              {can("OPERATOR") && <Th className="text-right">{tc("actions")}</Th>}
            </Tr>
          </THead>
          <TBody>
            {query.data?.items.map((l) => (
              <Tr key={l.id}>
                <Td>
                  <div className="font-medium">{l.title}</div>
                  <div className="text-xs text-muted-foreground">{summary(l)}</div>
                </Td>
                <Td>
                  <Link
                    href={`/deployments/${l.deployment.id}`}
                    className="text-primary hover:underline"
                    title={`${l.deployment.namespace}/${l.deployment.name}`}
                  >
                    {l.deployment.name}
                  </Link>
                </Td>
                <Td>{l.createdBy ? l.createdBy.name || l.createdBy.email : t("formerMember")}</Td>
                <Td className="whitespace-nowrap">
                  <time dateTime={l.createdAt.toISOString()} title={full(l.createdAt)}>
                    {date(l.createdAt)}
                  </time>
                </Td>
                <Td className="whitespace-nowrap">
                  <time dateTime={l.expiresAt.toISOString()} title={full(l.expiresAt)}>
                    {date(l.expiresAt)}
                  </time>
                </Td>
                <Td className="whitespace-nowrap">
                  {l.lastUsedAt ? (
                    <time dateTime={l.lastUsedAt.toISOString()}>{format.relativeTime(l.lastUsedAt)}</time>
                  ) : (
                    t("never")
                  )}
                </Td>
                <Td>
                  <EmbedStatusBadge status={l.status} />
                </Td>
                {can("OPERATOR") && (
                  <Td className="text-right">
                    {l.status === "active" && (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t("revokeNamed", { title: l.title })}
                        onClick={() => setRevoking(l)}
                      >
                        {t("revoke")}
                      </Button>
                    )}
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListFrame>
      <ConfirmDialog
        open={revoking !== null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        title={t("revokeTitle", { title: revoking?.title ?? "" })}
        description={t("revokeDescription")}
        confirmLabel={t("revokeConfirm")}
        variant="danger"
        loading={revoke.isPending}
      />
    </div>
  );
}
