"use client";
// On a deployment page: the deployment's migration in progress, if any, instead of offering a second one.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { MigrationStateBadge } from "./MigrationStateBadge";
import { isActiveState } from "./migration-states";

/** Renders `fallback` (the Migrate button) unless the deployment already has an active migration. */
export function ActiveMigrationLink({ deploymentId, fallback }: { deploymentId: string; fallback: ReactNode }) {
  const t = useTranslations("migrations");
  const trpc = useTRPC();
  const q = useQuery(
    trpc.migration.list.queryOptions({ deploymentId, page: 1, pageSize: 5, sort: "createdAt", dir: "desc" }),
  );
  const active = q.data?.items.find((m) => isActiveState(m.state));
  if (!active) return <>{fallback}</>;
  return (
    <Link
      href={`/migrations/${active.id}`}
      className="inline-flex items-center gap-2 text-sm text-primary hover:underline"
    >
      <MigrationStateBadge state={active.state} />
      {t("activeLink", { target: active.targetClusterName })}
    </Link>
  );
}
