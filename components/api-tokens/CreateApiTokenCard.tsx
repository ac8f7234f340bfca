"use client";
// Makes an API token: name, scopes (those above the user's role disabled), expiry; then shows it once to copy.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { CopyButton } from "@/components/ui/CopyButton";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { API_SCOPES, SCOPE_MIN_ROLE } from "@/server/domain/values";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, ZCreateApiTokenRequest } from "@/server/validation/api-token";

export function CreateApiTokenCard() {
  const t = useTranslations("apiTokens");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const [shown, setShown] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZCreateApiTokenRequest, { name: "", scopes: [], expiresInDays: DEFAULT_TOKEN_DAYS });
  const create = useMutation(
    trpc.apiToken.create.mutationOptions({
      onSuccess: async (made) => {
        setShown(made.token);
        form.reset();
        toast.success(t("create.created"));
        await qc.invalidateQueries({ queryKey: trpc.apiToken.list.queryKey() });
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const errors = form.formState.errors;
  if (shown) {
    return (
      <Card title={t("create.created")} className="max-w-2xl">
        <p role="status" className="mb-3 text-sm font-medium text-warning">
          {t("create.showOnce")}
        </p>
        <div className="flex items-center gap-2">
          <code
            data-testid="new-api-token"
            className="min-w-0 flex-1 truncate rounded bg-muted px-2 py-1.5 font-mono text-sm"
          >
            {shown}
          </code>
          <CopyButton value={shown} label={t("columns.token")} showText />
        </div>
        <div className="mt-4 flex justify-end">
          <Button onClick={() => setShown(null)}>{t("create.done")}</Button>
        </div>
      </Card>
    );
  }
  return (
    <Card title={t("create.title")} className="max-w-2xl">
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((v) => {
          setServerError(null);
          create.mutate(v);
        })}
      >
        <FormField label={t("create.name")} hint={t("create.nameHint")} error={errors.name?.message} required>
          {(p) => <Input {...p} {...form.register("name")} autoComplete="off" />}
        </FormField>
        <fieldset>
          <legend className="text-sm font-medium">{t("create.scopes")}</legend>
          <p className="mb-2 text-xs text-muted-foreground">{t("create.scopesHint")}</p>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {API_SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                {s === "READ" ? (
                  <input type="checkbox" className="size-4 accent-primary" checked disabled readOnly />
                ) : (
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    value={s}
                    disabled={!can(SCOPE_MIN_ROLE[s])}
                    {...form.register("scopes")}
                  />
                )}
                {t(`scopes.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <FormField
          label={t("create.expires")}
          hint={t("create.expiresHint", { max: MAX_TOKEN_DAYS })}
          error={errors.expiresInDays?.message}
          required
        >
          {(p) => (
            <Input
              {...p}
              type="number"
              min={1}
              max={MAX_TOKEN_DAYS}
              className="w-32"
              {...form.register("expiresInDays")}
            />
          )}
        </FormField>
        <ServerError message={serverError} />
        <div className="flex justify-end">
          <Button type="submit" loading={create.isPending}>
            {t("create.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
