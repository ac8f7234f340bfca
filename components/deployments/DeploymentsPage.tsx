"use client";
// Deployments across clusters: search by name, filter by phase, sort, page; deploy for operators.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/styles";
import { PhaseBadge } from "@/components/domain/PhaseBadge";
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { DEPLOYMENT_PHASES } from "@/server/domain/values";

const list = defineList({
  sorts: ["name", "phase", "replicas", "createdAt"],
  defaultSort: "name",
  filters: { phase: DEPLOYMENT_PHASES },
});

export function DeploymentsPage() {
  const t = useTranslations("deployments");
  const tDeploy = useTranslations("deploy");
  const label = useDomainLabels();
  const format = useFormatter();
  const trpc = useTRPC();
  const { can } = useCurrentTeam();

  return (
    <ListPage
      list={list}
      query={(input) => trpc.deployment.list.queryOptions(input)}
      title={t("title")}
      description={t("description")}
      actions={
        can("OPERATOR") ? (
          <Link href="/deployments/new" className={buttonClasses({ variant: "primary" })}>
            {tDeploy("deployModel")}
          </Link>
        ) : undefined
      }
      search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
      filters={{ phase: { label: t("filterPhase"), all: t("allPhases"), option: label.phase } }}
      empty={{ title: t("emptyTitle"), description: t("emptyDescription") }}
      columns={[
        {
          id: "name",
          header: t("name"),
          sortable: true,
          cell: (d) => (
            <>
              <Link href={`/deployments/${d.id}`} className="block font-medium text-primary hover:underline">
                {d.name}
              </Link>
              <span className="block text-xs text-muted-foreground">{t("namespace", { namespace: d.namespace })}</span>
            </>
          ),
        },
        {
          id: "model",
          header: t("model"),
          cell: (d) => (
            <Link href={`/models/${d.modelVersion.model.id}`} className="text-primary hover:underline">
              {d.modelVersion.model.name}@{d.modelVersion.version}
            </Link>
          ),
        },
        {
          id: "cluster",
          header: t("cluster"),
          cell: (d) => (
            <>
              <Link href={`/clusters/${d.cluster.id}`} className="text-primary hover:underline">
                {d.cluster.name}
              </Link>
              <span className="block text-xs text-muted-foreground">{d.cluster.region}</span>
            </>
          ),
        },
        {
          id: "replicas",
          header: t("replicas"),
          sortable: true,
          align: "right",
          className: "tabular-nums",
          cell: (d) => t("readyOf", { ready: d.readyReplicas, total: d.replicas }),
        },
        {
          id: "gpus",
          header: t("gpus"),
          cell: (d) => t("gpusPerReplica", { count: d.gpusPerReplica, gpuType: d.gpuType }),
        },
        {
          id: "latencySlo",
          header: t("latencySlo"),
          align: "right",
          className: "tabular-nums",
          cell: (d) => t("latencyValue", { ms: d.latencySloMs }),
        },
        { id: "phase", header: t("phase"), sortable: true, cell: (d) => <PhaseBadge phase={d.phase} /> },
        {
          id: "createdAt",
          header: t("created"),
          sortable: true,
          cell: (d) => format.dateTime(d.createdAt, { dateStyle: "medium" }),
        },
      ]}
    />
  );
}
