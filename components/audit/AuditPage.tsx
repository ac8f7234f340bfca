"use client";
// The audit trail for admins: who did what, when, from where, with what outcome (secrets redacted).
import { useFormatter, useTranslations } from "next-intl";
import { OutcomeBadge } from "@/components/domain/OutcomeBadge";
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { ListPage } from "@/components/tables/ListPage";
import { defineList } from "@/components/tables/list-definition";
import { useTRPC } from "@/components/trpc/client";
import { AUDIT_OUTCOMES } from "@/server/domain/values";

const list = defineList({
  sorts: ["createdAt", "action"],
  defaultSort: "createdAt",
  defaultDir: "desc",
  filters: { actor: "text", outcome: AUDIT_OUTCOMES },
});

export function AuditPage() {
  const t = useTranslations("audit");
  const label = useDomainLabels();
  const format = useFormatter();
  const trpc = useTRPC();
  return (
    <ListPage
      list={list}
      query={(input) => trpc.audit.list.queryOptions(input)}
      title={t("title")}
      description={t("description")}
      search={{ label: t("searchAction"), placeholder: t("searchPlaceholder") }}
      filters={{
        actor: { label: t("actor"), placeholder: t("actorPlaceholder") },
        outcome: { label: t("filterOutcome"), all: t("allOutcomes"), option: label.outcome },
      }}
      empty={{ title: t("emptyTitle") }}
      columns={[
        {
          id: "createdAt",
          header: t("time"),
          sortable: true,
          className: "tabular-nums",
          cell: (e) => format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" }),
        },
        { id: "actor", header: t("actor"), cell: (e) => e.actorEmail ?? t("anonymous") },
        { id: "action", header: t("action"), sortable: true, cell: (e) => <code className="text-xs">{e.action}</code> },
        {
          id: "target",
          header: t("target"),
          className: "text-muted-foreground text-xs",
          cell: (e) => e.targetId ?? "—",
        },
        { id: "outcome", header: t("outcome"), cell: (e) => <OutcomeBadge outcome={e.outcome} /> },
        {
          id: "details",
          header: t("details"),
          cell: (e) => (
            <details>
              <summary className="cursor-pointer text-xs text-primary">{t("show")}</summary>
              <pre className="mt-1 max-w-md overflow-auto text-xs whitespace-pre-wrap">{e.details}</pre>
              <p className="text-xs text-muted-foreground">
                {t("requestId")}: {e.requestId}
                {e.ip ? ` · ${e.ip}` : ""}
              </p>
            </details>
          ),
        },
      ]}
    />
  );
}
