"use client";
// Clouds: the team's provider accounts, searchable and sortable, with add and delete for operators.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/Badge";
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
import { PROVIDERS } from "@/server/validation/common";
import { CreateCloudDialog } from "./CreateCloudDialog";

const SORTS = ["name", "provider", "createdAt"] as const;
const FILTERS = ["provider"] as const;
const PAGE_SIZE = 50;

export function CloudsPage() {
  const t = useTranslations("clouds");
  const tc = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const list = useListState({ sorts: SORTS, defaultSort: "name", filters: FILTERS });
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const provider = PROVIDERS.find((p) => p === list.filters.provider);

  const query = useQuery({
    ...trpc.cloud.list.queryOptions({ page: list.page, pageSize: PAGE_SIZE, sort: list.sort, dir: list.dir, q: list.q, provider }),
    placeholderData: keepPreviousData,
  });
  const del = useMutation(
    trpc.cloud.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(t("deleted", { name: deleting?.name ?? "" }));
        setDeleting(null);
        await qc.invalidateQueries({ queryKey: trpc.cloud.list.queryKey() });
      },
      onError: (e) => {
        toast.error(readError(e).message);
        setDeleting(null);
      },
    }),
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={can("OPERATOR") ? <Button onClick={() => setAdding(true)}>{t("add")}</Button> : null}
      />
      <div className="flex flex-wrap items-end gap-3">
        <SearchInput label={t("searchLabel")} value={list.q} onChange={list.setQuery} placeholder={t("searchPlaceholder")} />
        <Select
          aria-label={t("filterProvider")}
          value={provider ?? ""}
          onChange={(e) => list.setFilter("provider", e.target.value || null)}
        >
          <option value="">{t("allProviders")}</option>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {t(`providers.${p}`)}
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
        filtered={Boolean(list.q || provider)}
        empty={{
          title: t("emptyTitle"),
          description: t("emptyDescription"),
          action: can("OPERATOR") ? <Button onClick={() => setAdding(true)}>{t("add")}</Button> : undefined,
        }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <SortableTh direction={list.sortDirection("name")} onSort={(d) => list.setSort("name", d)}>
                {t("name")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("provider")} onSort={(d) => list.setSort("provider", d)}>
                {t("provider")}
              </SortableTh>
              <Th>{t("clusters")}</Th>
              <SortableTh direction={list.sortDirection("createdAt")} onSort={(d) => list.setSort("createdAt", d)}>
                {t("created")}
              </SortableTh>
              {can("OPERATOR") && <Th className="text-right">{tc("actions")}</Th>}
            </Tr>
          </THead>
          <TBody>
            {query.data?.items.map((c) => (
              <Tr key={c.id}>
                <Td className="font-medium">{c.name}</Td>
                <Td>
                  <Badge>{t(`providers.${c.provider}`)}</Badge>
                </Td>
                <Td>{c.clusterCount}</Td>
                <Td>{format.dateTime(c.createdAt, { dateStyle: "medium" })}</Td>
                {can("OPERATOR") && (
                  <Td className="text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t("deleteNamed", { name: c.name })}
                      onClick={() => setDeleting({ id: c.id, name: c.name })}
                    >
                      {tc("delete")}
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      </ListFrame>
      <CreateCloudDialog open={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && del.mutate({ id: deleting.id })}
        title={t("deleteTitle", { name: deleting?.name ?? "" })}
        description={t("deleteDescription")}
        confirmLabel={tc("delete")}
        variant="danger"
        loading={del.isPending}
      />
    </div>
  );
}
