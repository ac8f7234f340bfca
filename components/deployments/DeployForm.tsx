"use client";
// Deploy a model version to a cluster, with a live preflight before submitting.
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
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { AUTOSCALE_METRICS } from "@/server/validation/autoscale";
import { ZCreateDeploymentRequest, ZDeploymentTarget } from "@/server/validation/deployment";
import { PreflightPanel } from "./PreflightPanel";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function DeployForm() {
  const t = useTranslations("deploy");
  const tc = useTranslations("common");
  const ta = useTranslations("autoscale");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const options = useQuery(trpc.deployment.options.queryOptions());
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZCreateDeploymentRequest, {
    clusterId: "",
    modelVersionId: "",
    namespace: "models",
    name: "",
    replicas: 1,
    gpusPerReplica: 1,
    gpuType: "",
    minReplicas: 1,
    maxReplicas: 4,
    latencySloMs: 250,
  });
  const values = form.watch();
  const cluster = options.data?.clusters.find((c) => c.id === values.clusterId);
  const target = ZDeploymentTarget.safeParse(values);
  const debouncedTarget = useDebounced(target.success ? target.data : null, 300);
  const preflight = useQuery({
    ...trpc.deployment.preflight.queryOptions(
      debouncedTarget ?? { clusterId: "", modelVersionId: "", gpuType: "", gpusPerReplica: 0, replicas: 0 },
    ),
    enabled: debouncedTarget !== null,
  });
  const { setValue, getValues } = form;
  useEffect(() => {
    if (cluster && !cluster.gpuTypes.includes(getValues("gpuType")) && cluster.gpuTypes[0]) {
      setValue("gpuType", cluster.gpuTypes[0], { shouldValidate: true });
    }
  }, [cluster, getValues, setValue]);

  const create = useMutation(
    trpc.deployment.create.mutationOptions({
      onSuccess: async (d) => {
        toast.success(t("submitted", { name: d.name }));
        await qc.invalidateQueries({ queryKey: trpc.deployment.list.queryKey() });
        router.push(`/deployments/${d.id}`);
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const errors = form.formState.errors;
  const num = { valueAsNumber: true } as const;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <Card className="p-6">
        <form
          noValidate
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={form.handleSubmit((v) => {
            setServerError(null);
            create.mutate(v);
          })}
        >
          <FormField
            label={t("modelVersion")}
            error={errors.modelVersionId?.message}
            required
            className="sm:col-span-2"
          >
            {(p) => (
              <Select {...p} {...form.register("modelVersionId")}>
                <option value="">{t("pickVersion")}</option>
                {options.data?.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.label} ({v.format})
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={t("cluster")} error={errors.clusterId?.message} required className="sm:col-span-2">
            {(p) => (
              <Select {...p} {...form.register("clusterId")}>
                <option value="">{t("pickCluster")}</option>
                {options.data?.clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} — {c.provider} {c.region}
                    {c.residencyTags.length ? ` [${c.residencyTags.join(", ")}]` : ""}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={t("namespace")} error={errors.namespace?.message} required>
            {(p) => <Input {...p} {...form.register("namespace")} autoComplete="off" />}
          </FormField>
          <FormField label={t("name")} hint={t("nameHint")} error={errors.name?.message} required>
            {(p) => <Input {...p} {...form.register("name")} autoComplete="off" placeholder="credit-risk-us" />}
          </FormField>
          <FormField label={t("gpuType")} error={errors.gpuType?.message} required>
            {(p) =>
              cluster && cluster.gpuTypes.length > 0 ? (
                <Select {...p} {...form.register("gpuType")}>
                  {cluster.gpuTypes.map((g) => (
                    <option key={g} value={g}>
                      {g}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input {...p} {...form.register("gpuType")} placeholder="H100" />
              )
            }
          </FormField>
          <FormField label={t("gpusPerReplica")} error={errors.gpusPerReplica?.message} required>
            {(p) => <Input {...p} type="number" min={0} {...form.register("gpusPerReplica", num)} />}
          </FormField>
          <FormField label={t("replicas")} error={errors.replicas?.message} required>
            {(p) => <Input {...p} type="number" min={0} {...form.register("replicas", num)} />}
          </FormField>
          <FormField label={t("latencySlo")} hint={t("latencySloHint")} error={errors.latencySloMs?.message} required>
            {(p) => <Input {...p} type="number" min={1} {...form.register("latencySloMs", num)} />}
          </FormField>
          <FormField label={t("minReplicas")} error={errors.minReplicas?.message} required>
            {(p) => <Input {...p} type="number" min={0} {...form.register("minReplicas", num)} />}
          </FormField>
          <FormField label={t("maxReplicas")} error={errors.maxReplicas?.message} required>
            {(p) => <Input {...p} type="number" min={1} {...form.register("maxReplicas", num)} />}
          </FormField>
          <FormField label={ta("metric")} error={errors.autoscaleMetric?.message}>
            {(p) => (
              <Select
                {...p}
                {...form.register("autoscaleMetric", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
              >
                <option value="">{ta("metricDefault")}</option>
                {AUTOSCALE_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {ta(`metric_${m}`)}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label={ta("target")} hint={ta("targetHint")} error={errors.autoscaleTarget?.message}>
            {(p) => (
              <Input
                {...p}
                type="number"
                min={0}
                step="any"
                {...form.register("autoscaleTarget", {
                  setValueAs: (v: string) => (v === "" || v === undefined ? undefined : Number(v)),
                })}
              />
            )}
          </FormField>
          {values.minReplicas === 0 && (
            <p role="note" className="text-sm text-muted-foreground sm:col-span-2">
              {ta("scaleFromZero")}
            </p>
          )}
          <div className="sm:col-span-2">
            <ServerError message={serverError} />
          </div>
          <div className="flex justify-end gap-2 sm:col-span-2">
            <Button type="button" variant="secondary" onClick={() => router.push("/deployments")}>
              {tc("cancel")}
            </Button>
            <Button
              type="submit"
              variant="primary"
              loading={create.isPending}
              disabled={preflight.data ? !preflight.data.ok : false}
            >
              {t("deploy")}
            </Button>
          </div>
        </form>
      </Card>
      <PreflightPanel
        data={debouncedTarget ? preflight.data : undefined}
        loading={preflight.isFetching}
        error={preflight.error ? readError(preflight.error).message : null}
      />
    </div>
  );
}
