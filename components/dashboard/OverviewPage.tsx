"use client";
// Overview: the team's inventory at a glance, each total linking to its list; then cost and latency charts.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { AlertsList } from "@/components/alerts/AlertsList";
import { OverviewCharts } from "./OverviewCharts";
import { SavingsTile } from "./SavingsTile";

const TILES = [
  { key: "clouds", href: "/clouds" },
  { key: "clusters", href: "/clusters" },
  { key: "models", href: "/models" },
  { key: "deployments", href: "/deployments" },
  { key: "gpuPrices", href: "/gpu-prices" },
  { key: "unhealthyClusters", href: "/clusters?health=UNREACHABLE" },
] as const;

export function OverviewPage() {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const { team } = useCurrentTeam();
  const q = useQuery(trpc.overview.summary.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("overviewTitle")}
        description={team ? t("overviewDescription", { team: team.name }) : undefined}
      />
      {q.error ? (
        <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {TILES.map((tile) => (
            <Link
              key={tile.key}
              href={tile.href}
              className="rounded-lg focus-visible:outline-2 focus-visible:outline-ring"
            >
              <Card className="p-5 transition-colors hover:bg-muted/50">
                <p className="text-sm text-muted-foreground">{t(`tiles.${tile.key}`)}</p>
                {q.data ? (
                  <p className="mt-2 text-3xl font-semibold tabular-nums">{q.data[tile.key]}</p>
                ) : (
                  <Skeleton className="mt-2 h-9 w-16" />
                )}
              </Card>
            </Link>
          ))}
          <SavingsTile />
        </div>
      )}
      <AlertsList />
      {/* The charts read ?range and ?live from the URL. */}
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <OverviewCharts />
      </Suspense>
    </div>
  );
}
