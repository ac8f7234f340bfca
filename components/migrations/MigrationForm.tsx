"use client";
// Request a migration of one deployment: target cluster, GPU type, traffic steps, analysis window, drain
// grace and reason, with the "what if we migrate" forecast re-run (debounced) as the form changes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { Spinner } from "@/components/ui/Spinner";
import { Textarea } from "@/components/ui/Textarea";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { MigrationForecast } from "./MigrationForecast";
import { ZMigrationForm } from "./migration-form-schema";
import { useDebounced } from "./useDebounced";

export function MigrationForm({ deploymentId }: { deploymentId: string }) {
  const t = useTranslations("migrations.new");
  const tf = useTranslations("migrations.forecast");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const targets = useQuery(trpc.migration.targets.queryOptions({ deploymentId }));
  const form = useZodForm(ZMigrationForm, {
    deploymentId,
    targetClusterId: "",
    targetGpuType: "",
    trafficSteps: "10, 50, 100",
    analysisSeconds: 60,
    drainGraceSeconds: 30,
    reason: "",
  });
  const values = form.watch();
  const parsed = ZMigrationForm.safeParse(values);
  // A stable key: watch() returns a new object each render.
  const input = parsed.success
    ? { ...parsed.data, targetGpuType: parsed.data.targetGpuType || undefined, reason: undefined }
    : null;
  const inputKey = JSON.stringify(input);
  const debouncedKey = useDebounced(inputKey, 350);
  const debounced = useMemo(() => JSON.parse(debouncedKey) as typeof input, [debouncedKey]);
  const preview = useQuery({
    ...trpc.migration.preview.queryOptions(debounced ?? { deploymentId, targetClusterId: deploymentId }, {
      enabled: debounced !== null,
    }),
    placeholderData: keepPreviousData,
    // The fleet moves (capacity, latency): the forecast stays current while the form is open.
    refetchInterval: 10_000,
  });
  const request = useMutation(
    trpc.migration.request.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("submitted", { count: r.requiredApprovals }));
        router.push(`/migrations/${r.id}`);
        await Promise.all([
          qc.invalidateQueries({ queryKey: trpc.migration.pathKey() }),
          qc.invalidateQueries({ queryKey: trpc.approval.pathKey() }),
        ]);
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );

  if (targets.isLoading) return <Skeleton className="h-96 w-full" />;
  if (targets.error)
    return <ErrorState message={readError(targets.error).message} onRetry={() => void targets.refetch()} />;
  const data = targets.data;
  if (!data) return null;
  const cluster = data.clusters.find((c) => c.id === values.targetClusterId);
  const errors = form.formState.errors;
  const num = { valueAsNumber: true } as const;
  const stale = preview.isFetching || inputKey !== debouncedKey;
  const shown = debounced !== null && preview.data ? preview.data : undefined;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <Card className="h-fit">
        <p className="mb-4 text-sm text-muted-foreground">
          {t.rich("from", {
            name: data.deployment.name,
            cluster: data.deployment.clusterName,
            link: (chunks) => (
              <Link href={`/deployments/${data.deployment.id}`} className="text-primary hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={form.handleSubmit((v) => {
            setServerError(null);
            request.mutate({ ...v, targetGpuType: v.targetGpuType || undefined, reason: v.reason || undefined });
          })}
        >
          <FormField label={t("targetCluster")} error={errors.targetClusterId?.message} required>
            {(p) => (
              <Select
                {...p}
                {...form.register("targetClusterId", { onChange: () => form.setValue("targetGpuType", "") })}
              >
                <option value="">{t("pickTarget")}</option>
                {data.clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} — {c.cloudName} ({c.provider}) {c.region}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          {data.clusters.length === 0 && <p className="text-sm text-muted-foreground">{t("noTargets")}</p>}
          <FormField
            label={t("targetGpuType")}
            hint={t("targetGpuTypeHint", { gpuType: data.deployment.gpuType })}
            error={errors.targetGpuType?.message}
          >
            {(p) => (
              <Select {...p} {...form.register("targetGpuType")} disabled={!cluster}>
                <option value="">{t("autoGpuType")}</option>
                {cluster?.gpuTypes.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField
            label={t("trafficSteps")}
            hint={t("trafficStepsHint")}
            error={errors.trafficSteps?.message}
            required
          >
            {(p) => <Input {...p} {...form.register("trafficSteps")} autoComplete="off" inputMode="numeric" />}
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label={t("analysisSeconds")}
              hint={t("analysisHint")}
              error={errors.analysisSeconds?.message}
              required
            >
              {(p) => <Input {...p} type="number" min={5} max={3600} {...form.register("analysisSeconds", num)} />}
            </FormField>
            <FormField
              label={t("drainGraceSeconds")}
              hint={t("drainHint")}
              error={errors.drainGraceSeconds?.message}
              required
            >
              {(p) => <Input {...p} type="number" min={0} max={3600} {...form.register("drainGraceSeconds", num)} />}
            </FormField>
          </div>
          <FormField label={t("reason")} hint={t("reasonHint")} error={errors.reason?.message}>
            {(p) => <Textarea {...p} rows={3} {...form.register("reason")} />}
          </FormField>
          <ServerError message={serverError} />
          <div className="flex justify-end gap-2">
            <Button type="button" onClick={() => router.push(`/deployments/${deploymentId}`)}>
              {tc("cancel")}
            </Button>
            <Button
              type="submit"
              variant="primary"
              loading={request.isPending}
              disabled={!shown || !shown.ok || stale}
              aria-describedby={shown && !shown.ok ? "forecast-refused" : undefined}
            >
              {t("submit")}
            </Button>
          </div>
          {shown && !shown.ok && (
            <p id="forecast-refused" className="text-right text-xs text-danger">
              {t("refused")}
            </p>
          )}
        </form>
      </Card>
      <Card
        title={
          <span className="flex items-center gap-2">
            {tf("title")} {stale && debounced !== null && <Spinner size="sm" label={tf("updating")} />}
          </span>
        }
        description={tf("description")}
      >
        <div aria-live="polite" aria-busy={stale || undefined}>
          {preview.error && debounced !== null ? (
            <p role="alert" className="text-sm text-danger">
              {readError(preview.error).message}
            </p>
          ) : shown ? (
            <MigrationForecast
              plan={shown.plan}
              planHash={shown.planHash}
              requiredApprovals={shown.requiredApprovals}
              approvalReasons={shown.approvalReasons}
              problems={shown.problems}
            />
          ) : (
            <p className="text-sm text-muted-foreground">{debounced === null ? tf("hint") : tc("loading")}</p>
          )}
        </div>
      </Card>
    </div>
  );
}
