"use client";
// The team's approval policy: how many distinct approvers, when more are needed, who may approve, and how
// long requests and approvals live. Validated as it is typed; admins save, everyone else reads.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
import { ErrorState } from "@/components/ui/ErrorState";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { ZApprovalPolicy, type ApprovalPolicyDto } from "@/server/validation/migration";
import { PolicyCheckbox } from "./PolicyCheckbox";

export function ApprovalPolicyPage() {
  const t = useTranslations("approvals.policy");
  const trpc = useTRPC();
  const q = useQuery(trpc.approval.policy.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {q.isLoading ? (
        <Skeleton className="h-96 w-full max-w-2xl" />
      ) : q.error ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <ApprovalPolicyForm key={JSON.stringify(q.data)} policy={q.data} />
      ) : null}
    </div>
  );
}

function ApprovalPolicyForm({ policy }: { policy: ApprovalPolicyDto }) {
  const t = useTranslations("approvals.policy");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const admin = can("ADMIN");
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZApprovalPolicy, policy);
  const save = useMutation(
    trpc.approval.savePolicy.mutationOptions({
      onSuccess: async () => {
        toast.success(t("saved"));
        await qc.invalidateQueries({ queryKey: trpc.approval.pathKey() });
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const errors = form.formState.errors;
  const num = { valueAsNumber: true } as const;
  return (
    <Card className="max-w-2xl">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) => {
          setServerError(null);
          save.mutate(v);
        })}
      >
        <fieldset disabled={!admin} className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">{t("title")}</legend>
          {!admin && <p className="text-sm text-muted-foreground sm:col-span-2">{t("readOnly")}</p>}
          <FormField
            label={t("requiredApprovals")}
            hint={t("requiredApprovalsHint")}
            error={errors.requiredApprovals?.message}
            required
          >
            {(p) => (
              <Input
                {...p}
                type="number"
                min={1}
                max={5}
                {...form.register("requiredApprovals", { ...num, deps: ["elevatedApprovals"] })}
              />
            )}
          </FormField>
          <FormField
            label={t("elevatedApprovals")}
            hint={t("elevatedApprovalsHint")}
            error={errors.elevatedApprovals?.message}
            required
          >
            {(p) => <Input {...p} type="number" min={1} max={5} {...form.register("elevatedApprovals", num)} />}
          </FormField>
          <FormField
            label={t("costIncreasePercent")}
            hint={t("costIncreasePercentHint")}
            error={errors.costIncreasePercent?.message}
            required
          >
            {(p) => <Input {...p} type="number" min={0} max={1000} {...form.register("costIncreasePercent", num)} />}
          </FormField>
          <FormField label={t("minRole")} hint={t("minRoleHint")} error={errors.minRole?.message} required>
            {(p) => (
              <Select {...p} {...form.register("minRole")}>
                <option value="APPROVER">{t("roles.APPROVER")}</option>
                <option value="ADMIN">{t("roles.ADMIN")}</option>
              </Select>
            )}
          </FormField>
          <div className="flex items-start gap-2 sm:col-span-2">
            <input
              id="elevate-cross-residency"
              type="checkbox"
              className="mt-0.5 size-4 accent-primary"
              aria-describedby="elevate-cross-residency-hint"
              {...form.register("elevateCrossResidency")}
            />
            <div>
              <label htmlFor="elevate-cross-residency" className="text-sm font-medium">
                {t("elevateCrossResidency")}
              </label>
              <p id="elevate-cross-residency-hint" className="text-xs text-muted-foreground">
                {t("elevateCrossResidencyHint")}
              </p>
            </div>
          </div>
          <FormField
            label={t("requestTtlHours")}
            hint={t("requestTtlHoursHint")}
            error={errors.requestTtlHours?.message}
            required
          >
            {(p) => <Input {...p} type="number" min={1} max={720} {...form.register("requestTtlHours", num)} />}
          </FormField>
          <FormField
            label={t("approvalTtlHours")}
            hint={t("approvalTtlHoursHint")}
            error={errors.approvalTtlHours?.message}
            required
          >
            {(p) => <Input {...p} type="number" min={1} max={720} {...form.register("approvalTtlHours", num)} />}
          </FormField>
          <h3 className="pt-2 text-sm font-semibold sm:col-span-2">{t("failoverTitle")}</h3>
          <FormField
            label={t("failoverSloMinutes")}
            hint={t("failoverSloMinutesHint")}
            error={errors.failoverSloMinutes?.message}
            required
          >
            {(p) => <Input {...p} type="number" min={1} max={1440} {...form.register("failoverSloMinutes", num)} />}
          </FormField>
          <PolicyCheckbox
            id="failover-auto-start"
            label={t("failoverAutoStart")}
            hint={t("failoverAutoStartHint")}
            field={form.register("failoverAutoStart")}
          />
          <PolicyCheckbox
            id="allow-break-glass"
            label={t("allowBreakGlass")}
            hint={t("allowBreakGlassHint")}
            field={form.register("allowBreakGlass")}
          />
          <div className="sm:col-span-2">
            <ServerError message={serverError} />
          </div>
          {admin && (
            <div className="flex justify-end sm:col-span-2">
              <Button type="submit" variant="primary" loading={save.isPending}>
                {t("save")}
              </Button>
            </div>
          )}
        </fieldset>
      </form>
    </Card>
  );
}
