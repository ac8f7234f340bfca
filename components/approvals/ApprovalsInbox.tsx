"use client";
// Migrations waiting for the signed-in user's decision, oldest first; each opens the migration page to review.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { MigrationStateBadge } from "@/components/migrations/MigrationStateBadge";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { TBody } from "@/components/ui/TBody";
import { THead } from "@/components/ui/THead";
import { Table } from "@/components/ui/Table";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { Tr } from "@/components/ui/Tr";
import { buttonClasses } from "@/components/ui/styles";

export function ApprovalsInbox() {
  const t = useTranslations("approvals");
  const tc = useTranslations("common");
  const format = useFormatter();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.approval.inbox.queryOptions(), refetchInterval: 15_000 });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {q.isLoading ? (
        <div className="space-y-2" aria-busy="true">
          <span className="sr-only">{tc("loading")}</span>
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : q.error ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : !q.data || q.data.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table caption={t("caption")}>
          <THead>
            <Tr>
              <Th>{t("model")}</Th>
              <Th>{t("route")}</Th>
              <Th>{t("requestedBy")}</Th>
              <Th align="right">{t("approvals")}</Th>
              <Th>{t("waiting")}</Th>
              <Th>
                <span className="sr-only">{tc("actions")}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {q.data.items.map((m) => (
              <Tr key={m.id}>
                <Td>
                  <span className="block font-medium">{m.modelName}</span>
                  <span className="block text-xs text-muted-foreground">{m.deploymentName}</span>
                </Td>
                <Td className="whitespace-nowrap">
                  {m.sourceClusterName} → {m.targetClusterName}
                </Td>
                <Td className="whitespace-nowrap">{m.requestedByEmail}</Td>
                <Td align="right" className="tabular-nums">
                  {t("approvalsOf", { approvals: m.approvals, required: m.requiredApprovals })}
                </Td>
                <Td className="whitespace-nowrap">
                  <MigrationStateBadge state={m.state} />{" "}
                  <span className="text-xs text-muted-foreground">{format.relativeTime(m.createdAt)}</span>
                </Td>
                <Td align="right">
                  <Link
                    href={`/migrations/${m.id}`}
                    className={buttonClasses({ variant: "primary", size: "sm" })}
                    aria-label={t("reviewLabel", { model: m.modelName, target: m.targetClusterName })}
                  >
                    {t("review")}
                  </Link>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
