"use client";
// Makes an embed link for one chart of a deployment, then shows its snippets once (the token is not kept).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import {
  DEFAULT_EMBED_RANGE,
  DEFAULT_EXPIRY_DAYS,
  EMBED_METRICS,
  EMBED_RANGES,
  MAX_EXPIRY_DAYS,
  ZCreateEmbedRequest,
  type CreatedEmbedDto,
} from "@/server/validation/embed";
import { rangeKey } from "./embed-labels";
import { EmbedSnippetsView } from "./EmbedSnippetsView";

export type EmbedChartDialogProps = {
  open: boolean;
  onClose: () => void;
  deploymentId: string;
  deploymentName: string;
};

export function EmbedChartDialog({ open, onClose, deploymentId, deploymentName }: EmbedChartDialogProps) {
  const t = useTranslations("embeds");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [created, setCreated] = useState<CreatedEmbedDto | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZCreateEmbedRequest, {
    deploymentId,
    metric: "latency",
    rangeMinutes: DEFAULT_EMBED_RANGE,
    live: true,
    expiresInDays: DEFAULT_EXPIRY_DAYS,
    title: "",
  });
  const create = useMutation(
    trpc.embed.create.mutationOptions({
      onSuccess: async (link) => {
        setCreated(link);
        toast.success(t("createdToast"));
        await qc.invalidateQueries({ queryKey: trpc.embed.list.queryKey() });
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const close = () => {
    // The token is dropped with the dialog: it is shown once, by design.
    setCreated(null);
    setServerError(null);
    form.reset();
    onClose();
  };
  const { errors } = form.formState;

  return (
    <Dialog
      open={open}
      onClose={close}
      size="lg"
      title={t("dialogTitle", { name: deploymentName })}
      description={created ? undefined : t("dialogDescription")}
      dismissible={!create.isPending}
    >
      {created ? (
        <div className="space-y-4">
          <EmbedSnippetsView link={created} />
          <div className="flex justify-end">
            <Button variant="primary" onClick={close}>
              {t("done")}
            </Button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          className="space-y-4"
          onSubmit={form.handleSubmit((v) => {
            setServerError(null);
            create.mutate(v);
          })}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("metric")} error={errors.metric?.message} required>
              {(p) => (
                <Select {...p} {...form.register("metric")}>
                  {EMBED_METRICS.map((m) => (
                    <option key={m} value={m}>
                      {t(`metrics.${m}`)}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField label={t("range")} error={errors.rangeMinutes?.message} required>
              {(p) => (
                <Select {...p} {...form.register("rangeMinutes")}>
                  {EMBED_RANGES.map((r) => (
                    <option key={r} value={r}>
                      {t(`ranges.${rangeKey(r)}`)}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium text-foreground">{t("mode")}</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" {...form.register("live")} />
              <span>{t("modeLive")}</span>
            </label>
            <p className="text-xs text-muted-foreground">{t("modeFixed")}</p>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label={t("expiresInDays")}
              hint={t("expiresHint", { max: MAX_EXPIRY_DAYS })}
              error={errors.expiresInDays?.message}
              required
            >
              {(p) => <Input {...p} type="number" min={1} max={MAX_EXPIRY_DAYS} {...form.register("expiresInDays")} />}
            </FormField>
            <FormField label={t("chartTitle")} hint={t("chartTitleHint")} error={errors.title?.message}>
              {(p) => <Input {...p} {...form.register("title")} autoComplete="off" maxLength={100} />}
            </FormField>
          </div>
          <ServerError message={serverError} />
          <div className="flex justify-end gap-2">
            <Button type="button" onClick={close}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="primary" loading={create.isPending}>
              {t("createLink")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
