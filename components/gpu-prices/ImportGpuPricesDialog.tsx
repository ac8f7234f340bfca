"use client";
// Import a CSV file into the price catalog. The server imports all rows or none and names every bad row.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { GPU_PRICE_CSV_COLUMNS } from "@/server/validation/gpu-price";
import { errorMessage } from "@/server/domain/error-message";

// The same limit as ZImportGpuPricesRequest, checked before reading so a huge file is refused at once.
const MAX_BYTES = 2 * 1024 * 1024;
const EXAMPLE_ROW = "AWS,us-east-1,H100,6.88,USD,AWS on-demand list price,2026-01-01";
// The server joins bad rows with " | " after this prefix; the dialog's heading already says it.
const SERVER_PREFIX = "nothing was imported: ";

export function ImportGpuPricesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("gpuPrices");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string; rows: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setFileError(null);
    setServerError(null);
    onClose();
  };
  const importCsv = useMutation(
    trpc.gpuPrice.importCsv.mutationOptions({
      onSuccess: async ({ imported }) => {
        toast.success(t("imported", { count: imported }));
        await qc.invalidateQueries({ queryKey: trpc.gpuPrice.pathKey() });
        close();
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    setFile(null);
    setFileError(null);
    setServerError(null);
    const picked = event.target.files?.[0];
    if (!picked) return;
    if (picked.size > MAX_BYTES) {
      setFileError(t("csvTooLarge"));
      return;
    }
    try {
      const text = await picked.text();
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").length;
      if (lines === 0) {
        setFileError(t("csvEmpty"));
        return;
      }
      setFile({ name: picked.name, text, rows: Math.max(0, lines - 1) });
    } catch (e) {
      setFileError(t("csvUnreadable", { error: errorMessage(e) }));
    }
  };

  const problems = serverError
    ? (serverError.startsWith(SERVER_PREFIX) ? serverError.slice(SERVER_PREFIX.length) : serverError).split(" | ")
    : [];

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t("importTitle")}
      description={t("importDescription")}
      dismissible={!importCsv.isPending}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setServerError(null);
          if (file) importCsv.mutate({ csv: file.text });
          else setFileError(t("csvRequired"));
        }}
      >
        <FormField
          label={t("csvFile")}
          error={fileError}
          required
          hint={
            <>
              {t("csvHint", { columns: GPU_PRICE_CSV_COLUMNS.join(",") })}
              <span className="mt-1 block">
                {t("csvExample")} <code className="font-mono break-all">{EXAMPLE_ROW}</code>
              </span>
            </>
          }
        >
          {(p) => (
            <Input
              {...p}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void pick(e)}
              className="py-1.5 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground"
            />
          )}
        </FormField>
        {file && (
          <p aria-live="polite" className="text-sm text-muted-foreground">
            {t("csvChosen", { name: file.name, count: file.rows })}
          </p>
        )}
        {problems.length > 0 && (
          <div role="alert" className="rounded-md border border-danger/30 bg-danger/10 px-3 py-2 text-sm text-danger">
            <p className="font-medium">{t("importFailed")}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 break-words">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close} disabled={importCsv.isPending}>
            {tc("cancel")}
          </Button>
          <Button type="submit" variant="primary" loading={importCsv.isPending}>
            {t("importSubmit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
