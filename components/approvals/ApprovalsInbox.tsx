"use client";
// Migrations waiting for the signed-in user's decision, oldest first; each opens the migration page to review.
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { MigrationStateBadge } from "@/components/migrations/MigrationStateBadge";
import { FixedList } from "@/components/tables/FixedList";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/ui/PageHeader";

export function ApprovalsInbox() {
  const t = useTranslations("approvals");
  const format = useFormatter();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.approval.inbox.queryOptions(), refetchInterval: 15_000 });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <FixedList
        query={q}
        rows={q.data?.items}
        caption={t("caption")}
        skeletonRows={3}
        empty={{ title: t("emptyTitle"), description: t("emptyDescription") }}
        columns={[
          {
            id: "model",
            header: t("model"),
            cell: (m) => (
              <>
                <span className="block font-medium">{m.modelName}</span>
                <span className="block text-xs text-muted-foreground">{m.deploymentName}</span>
              </>
            ),
          },
          { id: "route", header: t("route"), cell: (m) => `${m.sourceClusterName} → ${m.targetClusterName}` },
          { id: "requestedBy", header: t("requestedBy"), cell: (m) => m.requestedByEmail },
          {
            id: "approvals",
            header: t("approvals"),
            align: "right",
            className: "tabular-nums",
            cell: (m) => t("approvalsOf", { approvals: m.approvals, required: m.requiredApprovals }),
          },
          {
            id: "waiting",
            header: t("waiting"),
            cell: (m) => (
              <>
                <MigrationStateBadge state={m.state} />{" "}
                <span className="text-xs text-muted-foreground">{format.relativeTime(m.createdAt)}</span>
              </>
            ),
          },
        ]}
        rowActions={{
          // The inbox holds only what this user may decide; the server checks the role again on approve.
          role: "VIEWER",
          items: [
            {
              label: t("review"),
              name: (m) => t("reviewLabel", { model: m.modelName, target: m.targetClusterName }),
              href: (m) => `/migrations/${m.id}`,
              variant: "primary",
            },
          ],
        }}
      />
    </div>
  );
}
