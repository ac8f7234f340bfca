"use client";
// The overview's "savings available" tile: the optimizer's last default plan, linking to /recommendations.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { useTRPC } from "@/components/trpc/client";

export function SavingsTile() {
  const t = useTranslations("dashboard.savings");
  const format = useFormatter();
  const trpc = useTRPC();
  // While the server solves in the background the figure is "computing": ask again shortly.
  const q = useQuery({
    ...trpc.overview.savings.queryOptions(),
    refetchInterval: (query) => (query.state.data?.state === "computing" ? 2000 : 60_000),
  });
  const s = q.data;
  let body: React.ReactNode = <Skeleton className="mt-2 h-9 w-24" />;
  if (s?.state === "computing") body = <p className="mt-2 text-sm text-muted-foreground">{t("computing")}</p>;
  else if (s?.state === "failed")
    body = <p className="mt-2 text-sm text-danger">{t("failed", { error: s.error ?? "" })}</p>;
  else if (s && s.savingsPerMonth === null) body = <p className="mt-2 text-sm">{t("noPlan")}</p>;
  else if (s && s.savingsPerMonth !== null && s.savingsPerMonth < 0.5)
    body = <p className="mt-2 text-sm text-muted-foreground">{t("none")}</p>;
  else if (s && s.savingsPerMonth !== null)
    body = (
      <>
        <p className="mt-2 text-3xl font-semibold tabular-nums" data-testid="savings-amount">
          {t("perMonth", {
            amount: format.number(s.savingsPerMonth, {
              style: "currency",
              currency: s.currency ?? "USD",
              maximumFractionDigits: 0,
            }),
          })}
        </p>
        <p className="text-sm text-muted-foreground">{t("moves", { count: s.moves })}</p>
      </>
    );
  return (
    <Link href="/recommendations" className="rounded-lg focus-visible:outline-2 focus-visible:outline-ring">
      <Card className="p-5 transition-colors hover:bg-muted/50">
        <p className="text-sm text-muted-foreground">{t("label")}</p>
        {body}
      </Card>
    </Link>
  );
}
