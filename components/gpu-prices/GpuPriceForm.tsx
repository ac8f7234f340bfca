"use client";
// One GPU price's fields (ZGpuPriceFields), validated as you type and again by the server; creates or updates.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { PROVIDERS } from "@/server/domain/values";
import { ZGpuPriceFields, type GpuPriceDto } from "@/server/validation/gpu-price";

const todayUtc = () => new Date().toISOString().slice(0, 10);

export function GpuPriceForm({ price, onDone }: { price: GpuPriceDto | null; onDone: () => void }) {
  const t = useTranslations("gpuPrices");
  const tc = useTranslations("common");
  const label = useDomainLabels();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(
    ZGpuPriceFields,
    price
      ? {
          provider: price.provider,
          region: price.region,
          gpuType: price.gpuType,
          pricePerHour: price.pricePerHour,
          currency: price.currency,
          source: price.source,
          effectiveDate: price.effectiveDate,
        }
      : {
          provider: "AWS",
          region: "",
          gpuType: "",
          pricePerHour: "",
          currency: "USD",
          source: "",
          effectiveDate: todayUtc(),
        },
  );
  const onSuccess = (message: "addedToast" | "savedToast") => async (saved: GpuPriceDto) => {
    toast.success(t(message, { gpuType: saved.gpuType, region: saved.region }));
    await qc.invalidateQueries({ queryKey: trpc.gpuPrice.pathKey() });
    onDone();
  };
  const onError = (e: unknown) => setServerError(readError(e).message);
  const create = useMutation(trpc.gpuPrice.create.mutationOptions({ onSuccess: onSuccess("addedToast"), onError }));
  const update = useMutation(trpc.gpuPrice.update.mutationOptions({ onSuccess: onSuccess("savedToast"), onError }));
  const { errors } = form.formState;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((v) => {
        setServerError(null);
        if (price) update.mutate({ ...v, id: price.id });
        else create.mutate(v);
      })}
    >
      <FormField label={t("provider")} error={errors.provider?.message} required>
        {(p) => (
          <Select {...p} {...form.register("provider")}>
            {PROVIDERS.map((pr) => (
              <option key={pr} value={pr}>
                {label.provider(pr)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("region")} hint={t("regionHint")} error={errors.region?.message} required>
          {(p) => <Input {...p} {...form.register("region")} autoComplete="off" placeholder="us-east-1" />}
        </FormField>
        <FormField label={t("gpuType")} hint={t("gpuTypeHint")} error={errors.gpuType?.message} required>
          {(p) => <Input {...p} {...form.register("gpuType")} autoComplete="off" placeholder="H100" />}
        </FormField>
        <FormField label={t("pricePerHour")} hint={t("priceHint")} error={errors.pricePerHour?.message} required>
          {/* text with a decimal keypad, not type="number": the schema's message explains a bad value */}
          {(p) => (
            <Input
              {...p}
              {...form.register("pricePerHour")}
              inputMode="decimal"
              autoComplete="off"
              placeholder="2.49"
            />
          )}
        </FormField>
        <FormField label={t("currency")} hint={t("currencyHint")} error={errors.currency?.message} required>
          {(p) => (
            <Input
              {...p}
              {...form.register("currency", { setValueAs: (v: string) => v.toUpperCase() })}
              autoComplete="off"
              maxLength={3}
              className="uppercase"
              placeholder="USD"
            />
          )}
        </FormField>
      </div>
      <FormField label={t("source")} hint={t("sourceHint")} error={errors.source?.message} required>
        {(p) => <Input {...p} {...form.register("source")} autoComplete="off" />}
      </FormField>
      <FormField
        label={t("effectiveDate")}
        hint={t("effectiveDateHint")}
        error={errors.effectiveDate?.message}
        required
      >
        {(p) => <Input {...p} {...form.register("effectiveDate")} type="date" className="w-48" />}
      </FormField>
      <ServerError message={serverError} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          {tc("cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending || update.isPending}>
          {price ? tc("save") : t("add")}
        </Button>
      </div>
    </form>
  );
}
