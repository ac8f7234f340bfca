"use client";
// Migrations of the team: filter by state (in the URL), search by model or requester, sort, page.
// Progress shows without a reload: the live stream refetches migration queries when one changes.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useTRPC } from "@/components/trpc/client";
import { MIGRATION_STATES } from "@/server/validation/migration";
import { MigrationFlags } from "./MigrationFlags";
import { MigrationStateBadge } from "./MigrationStateBadge";

const list = defineList({
  sorts: ["createdAt", "state"],
  defaultSort: "createdAt",
  defaultDir: "desc",
  filters: { state: MIGRATION_STATES },
  pageSize: 25,
});

export function MigrationsPage() {
  const t = useTranslations("migrations");
  const tl = useTranslations("migrations.list");
  const format = useFormatter();
  const trpc = useTRPC();

  return (
    <ListPage
      list={list}
      query={(input) => trpc.migration.list.queryOptions(input)}
      title={t("title")}
      description={t("description")}
      search={{ label: tl("searchLabel"), placeholder: tl("searchPlaceholder") }}
      filters={{ state: { label: tl("filterState"), all: tl("allStates"), option: (s) => t(`states.${s}`) } }}
      empty={{
        title: tl("emptyTitle"),
        description: tl("emptyDescription"),
        action: (
          <Link href="/deployments" className="text-sm text-primary hover:underline">
            {tl("emptyAction")}
          </Link>
        ),
      }}
      columns={[
        {
          id: "model",
          header: tl("model"),
          cell: (m) => (
            <>
              <Link href={`/migrations/${m.id}`} className="block font-medium text-primary hover:underline">
                {m.modelName}
              </Link>
              <span className="block text-xs text-muted-foreground">{m.deploymentName}</span>
            </>
          ),
        },
        {
          id: "route",
          header: tl("route"),
          align: "left",
          cell: (m) => (
            <>
              {m.sourceClusterName} <span aria-hidden="true">→</span>
              <span className="sr-only">{tl("to")}</span> {m.targetClusterName}
            </>
          ),
        },
        {
          id: "state",
          header: tl("state"),
          sortable: true,
          align: "left",
          cell: (m) => (
            <span className="inline-flex flex-wrap gap-1">
              <MigrationStateBadge state={m.state} />
              <MigrationFlags m={m} />
            </span>
          ),
        },
        { id: "step", header: tl("step"), align: "left", wrap: true, cell: (m) => m.currentStep ?? "—" },
        {
          id: "approvals",
          header: tl("approvals"),
          className: "tabular-nums",
          cell: (m) => tl("approvalsOf", { approvals: m.approvals, required: m.requiredApprovals }),
        },
        { id: "requestedBy", header: tl("requestedBy"), align: "left", cell: (m) => m.requestedByEmail },
        {
          id: "createdAt",
          header: tl("created"),
          sortable: true,
          align: "left",
          cell: (m) => format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" }),
        },
      ]}
    />
  );
}
