"use client";
// The GPU price catalog: search, filter by provider, sort, page; add, edit, delete, CSV import and export.
import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ProviderBadge } from "@/components/domain/ProviderBadge";
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { PROVIDERS } from "@/server/domain/values";
import type { GpuPriceDto } from "@/server/validation/gpu-price";
import { downloadText } from "./download-text";
import { GpuPriceDialog } from "./GpuPriceDialog";
import { ImportGpuPricesDialog } from "./ImportGpuPricesDialog";

const list = defineList({
  sorts: ["provider", "region", "gpuType", "pricePerHour", "effectiveDate"],
  defaultSort: "provider",
  filters: { provider: PROVIDERS },
});
// The seeded demo catalog says so in its source (server/demo/demo-catalog.ts); flag it wherever it shows.
const isDemo = (p: GpuPriceDto) => p.source.startsWith("Demo data");

export function GpuPricesPage() {
  const t = useTranslations("gpuPrices");
  const tc = useTranslations("common");
  const label = useDomainLabels();
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState<GpuPriceDto | null>(null);
  const names = (p: GpuPriceDto) => ({
    provider: label.provider(p.provider),
    region: p.region,
    gpuType: p.gpuType,
    date: p.effectiveDate,
  });
  const del = useConfirmedMutation({
    mutation: trpc.gpuPrice.delete.mutationOptions(),
    variables: (p: GpuPriceDto) => ({ id: p.id }),
    confirm: (p) => ({
      title: t("deleteTitle", { gpuType: p.gpuType, region: p.region }),
      description: t("deleteDescription"),
      confirmLabel: tc("delete"),
    }),
    success: (p) => t("deletedToast", { gpuType: p.gpuType, region: p.region }),
    invalidate: [trpc.gpuPrice.pathKey()],
  });

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
  const addButton = can("OPERATOR") ? (
    <Button variant="primary" onClick={() => setAdding(true)}>
      {t("add")}
    </Button>
  ) : undefined;

  return (
    <ListPage
      list={list}
      query={(input) => trpc.gpuPrice.list.queryOptions(input)}
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
      search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
      filters={{ provider: { label: t("filterProvider"), all: t("allProviders"), option: label.provider } }}
      notice={(rows) =>
        rows.some(isDemo) && (
          <p
            role="note"
            className="rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-foreground"
          >
            {t("demoNote")}
          </p>
        )
      }
      empty={{ title: t("emptyTitle"), description: t("emptyDescription"), action: addButton }}
      columns={[
        { id: "provider", header: t("provider"), sortable: true, cell: (p) => <ProviderBadge provider={p.provider} /> },
        { id: "region", header: t("region"), sortable: true, cell: (p) => p.region },
        { id: "gpuType", header: t("gpuType"), sortable: true, className: "font-medium", cell: (p) => p.gpuType },
        {
          id: "pricePerHour",
          header: t("pricePerHour"),
          sortable: true,
          align: "right",
          className: "tabular-nums",
          cell: (p) => format.number(p.pricePerHour, { style: "currency", currency: p.currency }),
        },
        {
          id: "source",
          header: t("source"),
          className: "max-w-72",
          cell: (p) =>
            isDemo(p) ? (
              <Badge variant="warning" title={p.source}>
                {t("demoBadge")}
              </Badge>
            ) : (
              <span className="block truncate" title={p.source}>
                {p.source}
              </span>
            ),
        },
        {
          id: "effectiveDate",
          header: t("effectiveDate"),
          sortable: true,
          // a calendar day, not an instant: format it in UTC so no zone moves it
          cell: (p) =>
            format.dateTime(new Date(`${p.effectiveDate}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
        },
      ]}
      rowActions={{
        items: [
          { label: tc("edit"), name: (p) => t("editNamed", names(p)), onSelect: setEditing },
          { label: tc("delete"), name: (p) => t("deleteNamed", names(p)), onSelect: del.ask },
        ],
      }}
    >
      <GpuPriceDialog open={adding} price={null} onClose={() => setAdding(false)} />
      <GpuPriceDialog open={editing !== null} price={editing} onClose={() => setEditing(null)} />
      <ImportGpuPricesDialog open={importing} onClose={() => setImporting(false)} />
      {del.dialog}
    </ListPage>
  );
}
