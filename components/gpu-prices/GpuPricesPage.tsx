"use client";
// The GPU price catalog: search, filter by provider, sort, page; add, edit, delete, CSV import and export.
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
import type { GpuPriceDto } from "@/server/validation/gpu-price";
import { downloadText } from "./download-text";
import { GpuPriceDialog } from "./GpuPriceDialog";
import { ImportGpuPricesDialog } from "./ImportGpuPricesDialog";

const SORTS = ["provider", "region", "gpuType", "pricePerHour", "effectiveDate"] as const;
const FILTERS = ["provider"] as const;
const PAGE_SIZE = 50;
// The seeded demo catalog says so in its source (server/demo/demo-catalog.ts); flag it wherever it shows.
const isDemo = (p: GpuPriceDto) => p.source.startsWith("Demo data");

export function GpuPricesPage() {
  const t = useTranslations("gpuPrices");
  const tc = useTranslations("common");
  const tClouds = useTranslations("clouds");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const list = useListState({ sorts: SORTS, defaultSort: "provider", filters: FILTERS });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState<GpuPriceDto | null>(null);
  const [deleting, setDeleting] = useState<GpuPriceDto | null>(null);
  const provider = PROVIDERS.find((p) => p === list.filters.provider);

  const query = useQuery({
    ...trpc.gpuPrice.list.queryOptions({
      page: list.page,
      pageSize: PAGE_SIZE,
      sort: list.sort,
      dir: list.dir,
      q: list.q,
      provider,
    }),
    placeholderData: keepPreviousData,
  });
  const del = useMutation(
    trpc.gpuPrice.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(t("deletedToast", { gpuType: deleting?.gpuType ?? "", region: deleting?.region ?? "" }));
        setDeleting(null);
        await qc.invalidateQueries({ queryKey: trpc.gpuPrice.pathKey() });
      },
      onError: (e) => {
        toast.error(readError(e).message);
        setDeleting(null);
      },
    }),
  );

  const exportCsv = async () => {
    setExporting(true);
    try {
      // Always ask the server: an export must reflect the catalog now, not a cached copy.
      const { csv } = await qc.fetchQuery({ ...trpc.gpuPrice.exportCsv.queryOptions(), staleTime: 0 });
      downloadText(csv, "gpu-prices.csv");
      toast.success(t("exported"));
    } catch (e) {
      toast.error(readError(e).message);
    } finally {
      setExporting(false);
    }
  };

  const names = (p: GpuPriceDto) => ({
    provider: tClouds(`providers.${p.provider}`),
    region: p.region,
    gpuType: p.gpuType,
    date: p.effectiveDate,
  });
  const addButton = can("OPERATOR") ? (
    <Button variant="primary" onClick={() => setAdding(true)}>
      {t("add")}
    </Button>
  ) : undefined;
  const items = query.data?.items ?? [];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button loading={exporting} onClick={() => void exportCsv()}>
              {t("exportCsv")}
            </Button>
            {can("OPERATOR") && <Button onClick={() => setImporting(true)}>{t("importCsv")}</Button>}
            {addButton}
          </>
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
          aria-label={t("filterProvider")}
          value={provider ?? ""}
          onChange={(e) => list.setFilter("provider", e.target.value || null)}
        >
          <option value="">{t("allProviders")}</option>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {tClouds(`providers.${p}`)}
            </option>
          ))}
        </Select>
      </div>
      {items.some(isDemo) && (
        <p role="note" className="rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-foreground">
          {t("demoNote")}
        </p>
      )}
      <ListFrame
        isLoading={query.isLoading}
        error={query.error}
        onRetry={() => void query.refetch()}
        total={query.data?.total ?? 0}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        filtered={Boolean(list.q || provider)}
        empty={{ title: t("emptyTitle"), description: t("emptyDescription"), action: addButton }}
      >
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <SortableTh direction={list.sortDirection("provider")} onSort={(d) => list.setSort("provider", d)}>
                {t("provider")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("region")} onSort={(d) => list.setSort("region", d)}>
                {t("region")}
              </SortableTh>
              <SortableTh direction={list.sortDirection("gpuType")} onSort={(d) => list.setSort("gpuType", d)}>
                {t("gpuType")}
              </SortableTh>
              <SortableTh
                align="right"
                direction={list.sortDirection("pricePerHour")}
                onSort={(d) => list.setSort("pricePerHour", d)}
              >
                {t("pricePerHour")}
              </SortableTh>
              <Th>{t("source")}</Th>
              <SortableTh
                direction={list.sortDirection("effectiveDate")}
                onSort={(d) => list.setSort("effectiveDate", d)}
              >
                {t("effectiveDate")}
              </SortableTh>
              {can("OPERATOR") && <Th align="right">{tc("actions")}</Th>}
            </Tr>
          </THead>
          <TBody>
            {items.map((p) => (
              <Tr key={p.id}>
                <Td>
                  <Badge>{tClouds(`providers.${p.provider}`)}</Badge>
                </Td>
                <Td>{p.region}</Td>
                <Td className="font-medium">{p.gpuType}</Td>
                <Td align="right" className="tabular-nums">
                  {format.number(p.pricePerHour, { style: "currency", currency: p.currency })}
                </Td>
                <Td className="max-w-72">
                  {isDemo(p) ? (
                    <Badge variant="warning" title={p.source}>
                      {t("demoBadge")}
                    </Badge>
                  ) : (
                    <span className="block truncate" title={p.source}>
                      {p.source}
                    </span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {/* a calendar day, not an instant: format it in UTC so no zone moves it */}
                  {format.dateTime(new Date(`${p.effectiveDate}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}
                </Td>
                {can("OPERATOR") && (
                  <Td align="right" className="whitespace-nowrap">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t("editNamed", names(p))}
                      onClick={() => setEditing(p)}
                    >
                      {tc("edit")}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t("deleteNamed", names(p))}
                      onClick={() => setDeleting(p)}
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
      <GpuPriceDialog open={adding} price={null} onClose={() => setAdding(false)} />
      <GpuPriceDialog open={editing !== null} price={editing} onClose={() => setEditing(null)} />
      <ImportGpuPricesDialog open={importing} onClose={() => setImporting(false)} />
      <ConfirmDialog
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && del.mutate({ id: deleting.id })}
        title={t("deleteTitle", { gpuType: deleting?.gpuType ?? "", region: deleting?.region ?? "" })}
        description={t("deleteDescription")}
        confirmLabel={tc("delete")}
        variant="danger"
        loading={del.isPending}
      />
    </div>
  );
}
