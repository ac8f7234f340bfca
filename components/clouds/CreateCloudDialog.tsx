"use client";
// Add-cloud form in a dialog: provider and name, validated as you type and again by the server.
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
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { PROVIDERS } from "@/server/domain/values";
import { ZCreateCloudRequest } from "@/server/validation/cloud";

export function CreateCloudDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("clouds");
  const tc = useTranslations("common");
  const label = useDomainLabels();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZCreateCloudRequest, { provider: "AWS", name: "" });
  const create = useMutation(
    trpc.cloud.create.mutationOptions({
      onSuccess: async (cloud) => {
        toast.success(t("createdToast", { name: cloud.name }));
        await qc.invalidateQueries({ queryKey: trpc.cloud.list.queryKey() });
        form.reset();
        onClose();
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const { errors } = form.formState;
  return (
    <Dialog open={open} onClose={onClose} title={t("addTitle")} description={t("addDescription")}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((v) => {
          setServerError(null);
          create.mutate(v);
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
        <FormField label={t("name")} hint={t("nameHint")} error={errors.name?.message} required>
          {(p) => <Input {...p} {...form.register("name")} autoComplete="off" placeholder="aws-prod" />}
        </FormField>
        <ServerError message={serverError} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
