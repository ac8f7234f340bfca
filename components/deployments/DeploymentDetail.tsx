"use client";
// One deployment, live: rollout progress, pods, events, scale and delete.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Suspense } from "react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { buttonClasses } from "@/components/ui/styles";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { EmbedChartButton } from "@/components/embeds/EmbedChartButton";
import { ActiveMigrationLink } from "@/components/migrations/ActiveMigrationLink";
import { useTRPC } from "@/components/trpc/client";
import { AlertsList } from "@/components/alerts/AlertsList";
import { AutoscalerPanel } from "./AutoscalerPanel";
import { DeploymentCharts } from "./DeploymentCharts";
import { PhaseBadge } from "@/components/domain/PhaseBadge";
import { PodLogsPanel } from "./PodLogsPanel";
import { PodsTable } from "./PodsTable";
import { ScaleControl } from "./ScaleControl";

export function DeploymentDetail({ id }: { id: string }) {
  const t = useTranslations("deploy");
  const tc = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const { can } = useCurrentTeam();
  // Live updates arrive over /api/live; the interval is a safety net if that stream is cut.
  const q = useQuery({ ...trpc.deployment.get.queryOptions({ id }), refetchInterval: 10_000 });
  const del = useConfirmedMutation({
    mutation: trpc.deployment.delete.mutationOptions(),
    variables: (dep: { id: string; name: string; cluster: { name: string } }) => ({ id: dep.id }),
    confirm: (dep) => ({
      title: t("deleteTitle", { name: dep.name }),
      description: t("deleteDescription", { cluster: dep.cluster.name }),
      confirmLabel: t("deleteConfirm"),
    }),
    success: () => t("deleteRequested"),
    invalidate: [trpc.deployment.pathKey()],
  });
  if (q.isLoading) return <Skeleton className="h-96 w-full" />;
  if (q.error) {
    if (q.error.data?.code === "NOT_FOUND") {
      return (
        <ErrorState title={t("goneTitle")} message={t("goneMessage")} onRetry={() => router.push("/deployments")} />
      );
    }
    return <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />;
  }
  const d = q.data;
  if (!d) return null;
  const pct = d.replicas === 0 ? 100 : Math.round((d.readyReplicas / d.replicas) * 100);
  const pending = d.appliedGeneration < d.specGeneration;

  return (
    <div className="space-y-6">
      <PageHeader
        title={d.name}
        description={t("detailDescription", {
          namespace: d.namespace,
          model: `${d.modelVersion.model.name}@${d.modelVersion.version}`,
          cluster: d.cluster.name,
        })}
        actions={
          <>
            {!d.deleting && <EmbedChartButton deploymentId={d.id} deploymentName={d.name} />}
            {can("OPERATOR") && !d.deleting ? (
              <ActiveMigrationLink
                deploymentId={d.id}
                fallback={
                  <Link
                    href={`/migrations/new?deploymentId=${encodeURIComponent(d.id)}`}
                    className={buttonClasses({ variant: "secondary" })}
                  >
                    {t("migrate")}
                  </Link>
                }
              />
            ) : null}
            {can("OPERATOR") && !d.deleting ? (
              <Button variant="danger" onClick={() => del.ask(d)}>
                {tc("delete")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="space-y-4 p-6">
        <div className="flex flex-wrap items-center gap-4">
          <PhaseBadge phase={d.phase} />
          <span className="text-sm" aria-live="polite">
            {t("readyOf", { ready: d.readyReplicas, total: d.replicas })}
          </span>
          {pending && (
            <span className="text-sm text-muted-foreground">{d.deleting ? t("deleting") : t("applying")}</span>
          )}
        </div>
        <div
          role="progressbar"
          aria-label={t("rolloutProgress")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          className="h-2 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${pct}%` }} />
        </div>
        {d.lastError && (
          <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
            {d.lastError}
          </p>
        )}
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <dt className="text-muted-foreground">{t("cluster")}</dt>
          <dd>
            <Link href={`/clusters/${d.cluster.id}`} className="text-primary hover:underline">
              {d.cluster.name}
            </Link>{" "}
            ({d.cluster.region})
          </dd>
          <dt className="text-muted-foreground">{t("gpus")}</dt>
          <dd>{t("gpusValue", { count: d.gpusPerReplica, gpuType: d.gpuType })}</dd>
          <dt className="text-muted-foreground">{t("latencySlo")}</dt>
          <dd>{t("sloValue", { ms: d.latencySloMs })}</dd>
          <dt className="text-muted-foreground">{t("updated")}</dt>
          <dd>{d.statusUpdatedAt ? format.relativeTime(d.statusUpdatedAt) : t("notYet")}</dd>
        </dl>
        {can("OPERATOR") && !d.deleting && (
          <ScaleControl key={d.replicas} id={d.id} replicas={d.replicas} min={d.minReplicas} max={d.maxReplicas} />
        )}
      </Card>
      <AlertsList deploymentId={d.id} />
      <AutoscalerPanel d={d} />
      {/* The charts read ?range and ?live from the URL. */}
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <DeploymentCharts id={d.id} />
      </Suspense>
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">{t("pods")}</h2>
        <PodsTable pods={d.pods} />
      </section>
      {!d.deleting && <PodLogsPanel deploymentId={d.id} />}
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">{t("events")}</h2>
        {d.recentEvents.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noEvents")}</p>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border text-sm">
            {d.recentEvents.map((e, i) => (
              <li key={`${e.at}-${i}`} className="flex gap-3 px-4 py-2">
                <span className={e.type === "Warning" ? "font-medium text-warning" : "font-medium"}>{e.reason}</span>
                <span className="flex-1">{e.message}</span>
                <time className="text-muted-foreground tabular-nums" dateTime={e.at}>
                  {format.relativeTime(new Date(e.at))}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
      {del.dialog}
    </div>
  );
}
