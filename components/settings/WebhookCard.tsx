"use client";
// The team's outgoing webhook: URL, signing secret (write-only), on/off, a test send and removal. Admins only.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { ZWebhookSettings } from "@/server/validation/migration";

export function WebhookCard() {
  const t = useTranslations("settings.webhook");
  const { can } = useCurrentTeam();
  if (!can("ADMIN")) {
    return (
      <Card title={t("title")} description={t("description")} className="max-w-2xl">
        <p className="text-sm text-muted-foreground">{t("adminOnly")}</p>
      </Card>
    );
  }
  return <WebhookForm />;
}

type Hook = { url: string | null; enabled: boolean; updatedAt: Date | null; configured: boolean };

function WebhookForm() {
  const t = useTranslations("settings.webhook");
  const trpc = useTRPC();
  const q = useQuery(trpc.settings.webhook.queryOptions());
  return (
    <Card title={t("title")} description={t("description")} className="max-w-2xl">
      {q.isLoading ? (
        <Skeleton className="h-40 w-full" />
      ) : q.error ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <WebhookFields key={JSON.stringify(q.data)} hook={q.data} />
      ) : null}
    </Card>
  );
}

function WebhookFields({ hook }: { hook: Hook }) {
  const t = useTranslations("settings.webhook");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZWebhookSettings, {
    url: hook.url ?? "",
    secret: undefined,
    enabled: hook.configured ? hook.enabled : true,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.settings.webhook.queryKey() });
  const onError = (e: unknown) => setServerError(readError(e).message);
  const save = useMutation(
    trpc.settings.saveWebhook.mutationOptions({
      onSuccess: async () => (toast.success(t("saved")), await refresh()),
      onError,
    }),
  );
  const remove = useMutation(
    trpc.settings.deleteWebhook.mutationOptions({
      onSuccess: async () => (toast.success(t("removed")), await refresh()),
      onError,
    }),
  );
  const test = useMutation(
    trpc.settings.testWebhook.mutationOptions({
      onSuccess: (r) => (r.delivered ? toast.success(r.message) : toast.error(r.message)),
      onError,
    }),
  );
  const errors = form.formState.errors;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((v) => {
        setServerError(null);
        save.mutate({ ...v, secret: v.secret || undefined });
      })}
    >
      <p className="text-sm text-muted-foreground">
        {hook.configured && hook.updatedAt
          ? t("configured", { when: format.dateTime(hook.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })
          : t("notConfigured")}
      </p>
      <FormField label={t("url")} hint={t("urlHint")} error={errors.url?.message} required>
        {(p) => (
          <Input {...p} {...form.register("url")} autoComplete="off" placeholder="https://hooks.slack.com/services/…" />
        )}
      </FormField>
      <FormField label={t("secret")} hint={t("secretHint")} error={errors.secret?.message} required={!hook.configured}>
        {(p) => (
          <Input
            {...p}
            type="password"
            autoComplete="new-password"
            {...form.register("secret", { setValueAs: (v: string) => v || undefined })}
          />
        )}
      </FormField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-primary" {...form.register("enabled")} />
        {t("enabled")}
      </label>
      <ServerError message={serverError} />
      <div className="flex flex-wrap justify-end gap-2">
        {hook.configured && (
          <>
            <Button type="button" variant="secondary" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("remove")}
            </Button>
            <Button type="button" variant="secondary" loading={test.isPending} onClick={() => test.mutate()}>
              {t("test")}
            </Button>
          </>
        )}
        <Button type="submit" variant="primary" loading={save.isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
