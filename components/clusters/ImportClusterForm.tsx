"use client";
// Import a cluster from a kubeconfig (paste or upload, then pick a context) or from an API URL + token.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ZImportClusterRequest } from "@/server/validation/cluster";
import { useKubeconfigContexts } from "./useKubeconfigContexts";

type Source = "kubeconfig" | "token";

export function ImportClusterForm() {
  const t = useTranslations("clusters");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const { can } = useCurrentTeam();
  const clouds = useQuery(trpc.cloud.list.queryOptions({ pageSize: 100, sort: "name" }));
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZImportClusterRequest, {
    source: "kubeconfig",
    cloudId: "",
    name: "",
    region: "",
    prometheusUrl: "",
    residencyTags: "",
    kubeconfig: "",
    context: "",
    confirmInsecure: false,
  });
  const source: Source = form.watch("source");
  const kubeconfig = (form.watch("kubeconfig") as string | undefined) ?? "";
  const kc = useKubeconfigContexts(source === "kubeconfig" ? kubeconfig : "");
  const { setValue, getValues } = form;
  const selectedContext = form.watch("context") as string | undefined;
  const contextProblem = kc.contexts.find((c) => c.name === selectedContext)?.problem ?? undefined;

  // Pick the kubeconfig's current context once its contexts are known.
  useEffect(() => {
    const current = getValues("context") as string | undefined;
    if (kc.contexts.length && !kc.contexts.some((c) => c.name === current)) {
      setValue("context", kc.currentContext ?? kc.contexts[0]?.name ?? "", { shouldValidate: true });
    }
  }, [kc.contexts, kc.currentContext, getValues, setValue]);

  const importCluster = useMutation(
    trpc.cluster.import.mutationOptions({
      onSuccess: async (c) => {
        toast.success(t("imported", { name: c.name }));
        await qc.invalidateQueries({ queryKey: trpc.cluster.list.queryKey() });
        router.push(`/clusters/${c.id}`);
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );

  const errors = form.formState.errors as Partial<Record<string, { message?: string }>>;
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setValue("kubeconfig", await file.text(), { shouldValidate: true });
  };

  return (
    <Card className="max-w-3xl p-6">
      <form
        noValidate
        className="space-y-5"
        onSubmit={form.handleSubmit((v) => {
          setServerError(null);
          importCluster.mutate(v);
        })}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("cloud")} error={errors.cloudId?.message} required>
            {(p) => (
              <Select {...p} {...form.register("cloudId")}>
                <option value="">{t("pickCloud")}</option>
                {clouds.data?.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.provider})
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={t("name")} hint={t("nameHint")} error={errors.name?.message} required>
            {(p) => <Input {...p} {...form.register("name")} autoComplete="off" placeholder="gpu-us-east-1" />}
          </FormField>
          <FormField label={t("region")} error={errors.region?.message} required>
            {(p) => <Input {...p} {...form.register("region")} autoComplete="off" placeholder="us-east-1" />}
          </FormField>
          <FormField label={t("residencyTags")} hint={t("residencyHint")} error={errors.residencyTags?.message}>
            {(p) => <Input {...p} {...form.register("residencyTags")} autoComplete="off" placeholder="us" />}
          </FormField>
          <FormField
            label={t("prometheusUrl")}
            hint={t("prometheusHint")}
            error={errors.prometheusUrl?.message}
            className="sm:col-span-2"
          >
            {(p) => (
              <Input
                {...p}
                {...form.register("prometheusUrl")}
                autoComplete="off"
                placeholder="http://prometheus:9090"
              />
            )}
          </FormField>
        </div>

        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">{t("connectWith")}</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" value="kubeconfig" {...form.register("source")} /> {t("viaKubeconfig")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="token" {...form.register("source")} /> {t("viaToken")}
            </label>
          </div>
          {source === "kubeconfig" ? (
            <>
              <FormField
                label={t("kubeconfig")}
                hint={t("kubeconfigHint")}
                error={errors.kubeconfig?.message ?? kc.error ?? undefined}
                required
              >
                {(p) => (
                  <Textarea
                    {...p}
                    {...form.register("kubeconfig")}
                    rows={10}
                    spellCheck={false}
                    className="font-mono text-xs"
                  />
                )}
              </FormField>
              <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-primary">
                <input
                  type="file"
                  accept=".yaml,.yml,.json,.conf,text/plain"
                  className="sr-only"
                  onChange={(e) => void onFile(e.target.files?.[0])}
                />
                {t("uploadKubeconfig")}
              </label>
              <FormField label={t("context")} error={errors.context?.message ?? contextProblem} required>
                {(p) => (
                  <Select {...p} {...form.register("context")} disabled={kc.contexts.length === 0}>
                    {kc.contexts.length === 0 && (
                      <option value="">{kc.checking ? tc("loading") : t("noContexts")}</option>
                    )}
                    {kc.contexts.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name} — {c.server}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            </>
          ) : (
            <div className="grid gap-4">
              <FormField label={t("apiServer")} error={errors.apiServer?.message} required>
                {(p) => (
                  <Input
                    {...p}
                    {...form.register("apiServer")}
                    placeholder="https://10.0.0.1:6443"
                    autoComplete="off"
                  />
                )}
              </FormField>
              <FormField label={t("token")} hint={t("tokenHint")} error={errors.token?.message} required>
                {(p) => <Input {...p} {...form.register("token")} type="password" autoComplete="off" />}
              </FormField>
              <FormField label={t("caData")} hint={t("caHint")} error={errors.certificateAuthorityData?.message}>
                {(p) => (
                  <Textarea
                    {...p}
                    {...form.register("certificateAuthorityData")}
                    rows={3}
                    className="font-mono text-xs"
                  />
                )}
              </FormField>
            </div>
          )}
        </fieldset>

        {can("ADMIN") && (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" {...form.register("confirmInsecure")} />
            <span>
              <span className="font-medium">{t("confirmInsecure")}</span>
              <span className="block text-muted-foreground">{t("confirmInsecureHint")}</span>
            </span>
          </label>
        )}
        <ServerError message={serverError} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => router.push("/clusters")}>
            {tc("cancel")}
          </Button>
          <Button type="submit" loading={importCluster.isPending}>
            {t("import")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
