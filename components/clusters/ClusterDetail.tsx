"use client";
// One cluster: where it is, how Tern connects (never the credentials), residency, GPUs; edit and remove.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Suspense, useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ClusterCharts } from "./ClusterCharts";
import { EditClusterDialog } from "./EditClusterDialog";
import { HealthBadge } from "@/components/domain/HealthBadge";
import { NodesTable } from "./NodesTable";

export function ClusterDetail({ id }: { id: string }) {
  const t = useTranslations("clusters");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const { can } = useCurrentTeam();
  const [editing, setEditing] = useState(false);
  const query = useQuery(trpc.cluster.get.queryOptions({ id }));
  const test = useMutation(
    trpc.cluster.testConnection.mutationOptions({
      onSuccess: async (r) => {
        if (r.ok) toast.success(t("testOk", { version: r.version, nodes: r.nodes }));
        else toast.error(t("testFailed", { error: r.error }));
        await qc.invalidateQueries({ queryKey: trpc.cluster.pathKey() });
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );
  const del = useConfirmedMutation({
    mutation: trpc.cluster.delete.mutationOptions(),
    variables: (cluster: { id: string; name: string }) => ({ id: cluster.id }),
    confirm: (cluster) => ({
      title: t("deleteTitle", { name: cluster.name }),
      description: t("deleteDescription"),
      confirmLabel: tc("delete"),
    }),
    success: () => t("deleted"),
    invalidate: [trpc.cluster.list.queryKey()],
    after: () => router.push("/clusters"),
  });

  if (query.isLoading) return <Skeleton className="h-64 w-full" />;
  if (query.error) return <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />;
  const c = query.data;
  if (!c) return null;
  const rows: [string, React.ReactNode][] = [
    [t("cloud"), `${c.cloud.name} (${c.cloud.provider})`],
    [t("region"), c.region],
    [
      t("apiServer"),
      <code key="api" className="text-xs">
        {c.apiServer}
      </code>,
    ],
    [
      t("tls"),
      c.insecureTls ? (
        <Badge key="tls" variant="warning">
          {c.insecureConfirmed ? t("insecureConfirmed") : t("insecureLocal")}
        </Badge>
      ) : (
        <Badge key="tls" variant="success">
          {t("tlsVerified")}
        </Badge>
      ),
    ],
    [t("prometheusUrl"), c.prometheusUrl ?? "—"],
    [t("residencyTags"), c.residencyTags.join(", ") || "—"],
    [
      t("healthLabel"),
      <span key="h" className="flex flex-wrap items-center gap-2">
        <HealthBadge health={c.health} />
        {c.healthMessage && <span className="text-xs text-muted-foreground">{c.healthMessage}</span>}
      </span>,
    ],
    [
      t("gpus"),
      Object.entries(c.gpuCapacity)
        .map(([k, g]) => `${g.allocated}/${g.allocatable} ${k}`)
        .join(", ") || t("gpusUnknown"),
    ],
    [t("credentials"), t("credentialsStored")],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={c.name}
        description={t("detailDescription")}
        actions={
          can("OPERATOR") ? (
            <div className="flex gap-2">
              <Button variant="secondary" loading={test.isPending} onClick={() => test.mutate({ id })}>
                {t("testConnection")}
              </Button>
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {tc("edit")}
              </Button>
              <Button variant="danger" onClick={() => del.ask(c)}>
                {tc("delete")}
              </Button>
            </div>
          ) : null
        }
      />
      <Card className="p-6">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-sm text-muted-foreground">{k}</dt>
              <dd className="text-sm">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {/* The charts read ?range and ?live from the URL. */}
      <Suspense fallback={<Skeleton className="h-72 w-full" />}>
        <ClusterCharts id={c.id} prometheusUrl={c.prometheusUrl} />
      </Suspense>
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">{t("nodes")}</h2>
        <NodesTable nodes={c.nodes} gpuCapacity={c.gpuCapacity} />
      </section>
      {editing && <EditClusterDialog cluster={c} onClose={() => setEditing(false)} />}
      {del.dialog}
    </div>
  );
}
