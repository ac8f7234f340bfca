"use client";
// An admin sets a cloud's S3-compatible object store (endpoint, bucket, region, keys); keys are write-only.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ZSetCloudStoreRequest, type CloudDto } from "@/server/validation/cloud";

export function CloudStoreDialog({ cloud, onClose }: { cloud: CloudDto | null; onClose: () => void }) {
  const t = useTranslations("clouds");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZSetCloudStoreRequest, {
    id: cloud?.id ?? "",
    endpoint: cloud?.store?.endpoint ?? "",
    bucket: cloud?.store?.bucket ?? "",
    region: cloud?.store?.region ?? "",
    accessKeyId: "",
    secretAccessKey: "",
  });
  const done = (message: string) => async () => {
    toast.success(message);
    await qc.invalidateQueries({ queryKey: trpc.cloud.list.queryKey() });
    onClose();
  };
  const save = useMutation(
    trpc.cloud.setStore.mutationOptions({
      onSuccess: done(t("storeSaved", { name: cloud?.name ?? "" })),
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const clear = useMutation(
    trpc.cloud.clearStore.mutationOptions({
      onSuccess: done(t("storeCleared", { name: cloud?.name ?? "" })),
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const { errors } = form.formState;
  return (
    <Dialog
      open={cloud !== null}
      onClose={onClose}
      title={t("storeTitle", { name: cloud?.name ?? "" })}
      description={t("storeDescription")}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((v) => {
          setServerError(null);
          save.mutate({ ...v, id: cloud?.id ?? "" });
        })}
      >
        <FormField label={t("storeEndpoint")} hint={t("storeEndpointHint")} error={errors.endpoint?.message} required>
          {(p) => (
            <Input
              {...p}
              {...form.register("endpoint")}
              autoComplete="off"
              placeholder="https://s3.us-east-1.amazonaws.com"
            />
          )}
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("storeBucket")} error={errors.bucket?.message} required>
            {(p) => <Input {...p} {...form.register("bucket")} autoComplete="off" placeholder="tern-models" />}
          </FormField>
          <FormField label={t("storeRegion")} error={errors.region?.message} required>
            {(p) => <Input {...p} {...form.register("region")} autoComplete="off" placeholder="us-east-1" />}
          </FormField>
        </div>
        <FormField label={t("storeAccessKeyId")} hint={t("storeKeysHint")} error={errors.accessKeyId?.message} required>
          {(p) => <Input {...p} {...form.register("accessKeyId")} autoComplete="off" />}
        </FormField>
        <FormField label={t("storeSecretAccessKey")} error={errors.secretAccessKey?.message} required>
          {(p) => <Input {...p} {...form.register("secretAccessKey")} type="password" autoComplete="new-password" />}
        </FormField>
        <ServerError message={serverError} />
        <div className="flex justify-between gap-2">
          {cloud?.store ? (
            <Button
              type="button"
              variant="secondary"
              loading={clear.isPending}
              onClick={() => cloud && clear.mutate({ id: cloud.id })}
            >
              {t("storeClear")}
            </Button>
          ) : (
            <span />
          )}
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              {tc("cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("storeSave")}
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
