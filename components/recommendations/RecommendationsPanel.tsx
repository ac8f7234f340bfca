"use client";
// /recommendations: savings per month, the proposed moves and why, what-if controls that re-solve, and moves → migration requests.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useState } from "react";
import { toast } from "sonner";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { FailoverProposals } from "./FailoverProposals";
import { RecommendedMovesTable, moveKey } from "./RecommendedMovesTable";
import { WhatIfControls, initialWhatIf, toSolveInput } from "./WhatIfControls";

export function RecommendationsPanel() {
  const t = useTranslations("recommendations");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const [whatIf, setWhatIf] = useState(initialWhatIf);
  const input = useDeferredValue(useMemo(() => toSolveInput(whatIf), [whatIf]));
  const q = useQuery({ ...trpc.recommendations.solve.queryOptions(input), placeholderData: keepPreviousData });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const plan = q.data;
  const chosen = plan?.moves.filter((m) => selected.has(moveKey(m))) ?? [];
  const request = useMutation(
    trpc.recommendations.requestMoves.mutationOptions({
      onSuccess: async ({ results }) => {
        const ok = results.filter((r) => r.ok).length;
        if (ok) toast.success(t("requested", { ok }));
        for (const r of results.filter((x) => !x.ok)) {
          const deployment =
            plan?.moves.find((m) => m.deploymentId === r.deploymentId)?.deploymentName ?? r.deploymentId;
          toast.error(t("refused", { deployment, error: r.error ?? "" }));
        }
        setSelected(new Set());
        await qc.invalidateQueries({ queryKey: trpc.migration.pathKey() });
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );
  const money = (v: number) =>
    format.number(v, { style: "currency", currency: plan?.currency ?? "USD", maximumFractionDigits: 0 });

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can("OPERATOR") ? (
            <Button
              variant="primary"
              loading={request.isPending}
              aria-disabled={chosen.length === 0}
              onClick={() =>
                request.mutate({
                  moves: chosen.map((m) => ({
                    deploymentId: m.deploymentId,
                    targetClusterId: m.to.clusterId,
                    targetGpuType: m.to.gpuType,
                  })),
                })
              }
            >
              {t("requestSelected", { count: chosen.length })}
            </Button>
          ) : null
        }
      />
      <FailoverProposals />
      <Card>
        <WhatIfControls value={whatIf} onChange={setWhatIf} clusters={plan?.clusters ?? []} />
      </Card>
      {q.isLoading ? (
        <Skeleton className="h-40 w-full" />
      ) : q.error ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : plan ? (
        <div className="space-y-6" aria-busy={q.isFetching}>
          <dl className="grid gap-4 sm:grid-cols-4">
            {[
              [t("savingsPerMonth"), money(plan.savingsPerMonth)],
              [t("currentCost"), money(plan.currentMonthlyCost)],
              [t("plannedCost"), money(plan.plannedMonthlyCost)],
              [t("oneOffCost"), money(plan.oneOffMoveCost)],
            ].map(([label, value]) => (
              <div key={label} className="rounded-lg border p-4">
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd
                  className="text-xl font-semibold tabular-nums"
                  data-testid={label === t("savingsPerMonth") ? "savings" : undefined}
                >
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          <p className="text-sm text-muted-foreground">
            {t("solveInfo", {
              status: t(`status.${plan.status}`),
              gap: plan.gap === null ? "–" : format.number(plan.gap, { style: "percent", maximumFractionDigits: 3 }),
              variables: plan.variables,
              ms: Math.round(plan.solveMs),
            })}
          </p>
          {plan.conflicts.length > 0 && (
            <Card title={t("conflicts")} titleAs="h2">
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {plan.conflicts.map((c) => (
                  <li key={c.message}>{c.message}</li>
                ))}
              </ul>
            </Card>
          )}
          {plan.moves.length ? (
            <RecommendedMovesTable
              plan={plan}
              selected={selected}
              onToggle={(k) => setSelected((s) => toggled(s, k))}
            />
          ) : plan.status !== "infeasible" ? (
            <EmptyState title={t("moves")} description={t("noMoves")} />
          ) : null}
          {plan.binding.length > 0 && (
            <Card title={t("binding")} titleAs="h2">
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {plan.binding.map((b) => (
                  <li key={b.kind === "capacity" ? `${b.clusterId}/${b.gpuType}` : "moves"}>
                    {b.kind === "capacity"
                      ? t("bindingCapacity", { cluster: b.clusterName, capacity: b.capacity, gpuType: b.gpuType })
                      : t("bindingMoves", { limit: b.limit })}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {plan.notes.length > 0 && (
            <Card title={t("notes")} titleAs="h2">
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {plan.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      ) : null}
    </div>
  );
}

function toggled(s: ReadonlySet<string>, k: string): ReadonlySet<string> {
  const next = new Set(s);
  if (next.has(k)) next.delete(k);
  else next.add(k);
  return next;
}
