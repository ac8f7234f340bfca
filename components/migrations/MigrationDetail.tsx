"use client";
// One migration, live: state, source → target, the stepper with evidence, the approvals and their buttons,
// abort / retry, the plan's forecast, and source and target charts on one timeline.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { ApprovalsPanel } from "./ApprovalsPanel";
import { MigrationActions } from "./MigrationActions";
import { MigrationCharts } from "./MigrationCharts";
import { MigrationForecast } from "./MigrationForecast";
import { MigrationFlags } from "./MigrationFlags";
import { MigrationStateBadge } from "./MigrationStateBadge";
import { MigrationStepper } from "./MigrationStepper";
import { ACTIVE_POLL_MS, isActiveState } from "./migration-states";
import { useMigrationMessage } from "./useMigrationMessage";

export function MigrationDetail({ id }: { id: string }) {
  const t = useTranslations("migrations.detail");
  const tf = useTranslations("migrations.forecast");
  const say = useMigrationMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  // The live stream refetches on every change; polling while active is the safety net.
  const q = useQuery({
    ...trpc.migration.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data && isActiveState(query.state.data.state) ? ACTIVE_POLL_MS : false),
  });
  const onChanged = async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: trpc.migration.pathKey() }),
      qc.invalidateQueries({ queryKey: trpc.approval.pathKey() }),
    ]);
  };

  if (q.isLoading) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (q.error) {
    if (q.error.data?.code === "NOT_FOUND")
      return (
        <ErrorState title={t("goneTitle")} message={t("goneMessage")} onRetry={() => router.push("/migrations")} />
      );
    return <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />;
  }
  const m = q.data;
  if (!m) return null;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title", { model: m.modelName })}
        description={t("route", {
          deployment: m.deploymentName,
          source: m.sourceClusterName,
          target: m.targetClusterName,
        })}
        actions={<MigrationActions m={m} onChanged={onChanged} />}
      />
      <Card>
        <div className="flex flex-wrap items-center gap-3" aria-live="polite">
          <MigrationStateBadge state={m.state} />
          <MigrationFlags m={m} />
          {m.currentStep && <span className="text-sm">{t("currentStep", { step: m.currentStep })}</span>}
          {m.abortRequested && isActiveState(m.state) && (
            <span className="text-sm text-warning">{t("abortRequested")}</span>
          )}
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted-foreground">{t("deployment")}</dt>
          <dd>
            <Link href={`/deployments/${m.sourceDeploymentId}`} className="text-primary hover:underline">
              {m.deploymentName}
            </Link>{" "}
            <span className="text-muted-foreground">
              {m.sourceClusterName} → {m.targetClusterName}
            </span>
            {m.targetDeploymentId && (
              <>
                {" · "}
                <Link href={`/deployments/${m.targetDeploymentId}`} className="text-primary hover:underline">
                  {t("targetDeployment")}
                </Link>
              </>
            )}
          </dd>
          <dt className="text-muted-foreground">{t("requested")}</dt>
          <dd>{t("requestedValue", { email: m.requestedByEmail, at: when(m.createdAt) })}</dd>
          {m.reason && (
            <>
              <dt className="text-muted-foreground">{t("reason")}</dt>
              <dd className="break-words">{m.reason}</dd>
            </>
          )}
          {m.bypass && (
            <>
              <dt className="text-muted-foreground">{t("bypass")}</dt>
              <dd className="break-words text-danger" data-testid="bypass-detail">
                {m.bypass.kind === "BREAK_GLASS"
                  ? t("bypassBreakGlass", {
                      email: m.bypass.byEmail ?? "?",
                      at: m.bypass.at ? when(m.bypass.at) : "?",
                      reason: m.bypass.reason ?? "",
                    })
                  : t("bypassPolicy", { reason: m.bypass.reason ?? "" })}
              </dd>
            </>
          )}
          {m.startedAt && (
            <>
              <dt className="text-muted-foreground">{t("started")}</dt>
              <dd>{when(m.startedAt)}</dd>
            </>
          )}
          {m.finishedAt && (
            <>
              <dt className="text-muted-foreground">{t("finished")}</dt>
              <dd>{when(m.finishedAt)}</dd>
            </>
          )}
          {m.outcome && (
            <>
              <dt className="text-muted-foreground">{t("outcome")}</dt>
              <dd className="break-words" data-testid="migration-outcome">
                {say(m.outcome)}
              </dd>
            </>
          )}
        </dl>
      </Card>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card title={t("steps")} description={t("stepsDescription")}>
          <MigrationStepper steps={m.steps} />
        </Card>
        <ApprovalsPanel m={m} onChanged={onChanged} />
      </div>
      <Card title={tf("planTitle")} description={tf("planDescription")}>
        <MigrationForecast plan={m.plan} planHash={m.planHash} requiredApprovals={m.requiredApprovals} />
      </Card>
      <MigrationCharts m={m} />
    </div>
  );
}
