"use client";
// Failover proposals on /recommendations: migrations Tern proposed (or started, where the policy allows) off an
// unreachable cluster or a breached SLO; each links to its migration page, where approvers decide.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { MigrationFlags } from "@/components/migrations/MigrationFlags";
import { MigrationStateBadge } from "@/components/migrations/MigrationStateBadge";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/Card";

export function FailoverProposals() {
  const t = useTranslations("recommendations.failover");
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.recommendations.failoverProposals.queryOptions(), refetchInterval: 10_000 });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card title={t("title")} titleAs="h2" description={t("description")}>
      <ul className="divide-y text-sm" aria-label={t("title")}>
        {items.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-2 py-2">
            <Link href={`/migrations/${m.id}`} className="font-medium text-primary hover:underline">
              {t("move", { deployment: m.deploymentName, source: m.sourceClusterName, target: m.targetClusterName })}
            </Link>
            <MigrationStateBadge state={m.state} />
            <MigrationFlags m={m} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
