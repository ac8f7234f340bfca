"use client";
// The "what if we migrate" forecast of a plan: source and target side by side (place, GPUs, cost, latency,
// residency), the checks, what refuses it, how many approvals it needs and why. Used on the new-migration
// page (live preview) and on the migration page (the stored plan the approvers decide on).
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { MigrationPlan } from "@/server/validation/migration";
import { useFormatBytes } from "@/components/models/useFormatBytes";
import { CopyButton } from "@/components/ui/CopyButton";
import { cn } from "@/components/ui/cn";
import { PlanCheckList } from "./PlanCheckList";
import { useMoney } from "./useMoney";
import { useMigrationMessage } from "./useMigrationMessage";

export type MigrationForecastProps = {
  plan: MigrationPlan;
  planHash: string;
  requiredApprovals: number;
  /** Why the policy asks for that many (preview only; the stored migration keeps the number). */
  approvalReasons?: string[];
  /** What refuses the plan; defaults to the failed checks' messages. */
  problems?: string[];
};

function Row({
  label,
  source,
  target,
  highlight,
}: {
  label: string;
  source: ReactNode;
  target: ReactNode;
  highlight?: boolean;
}) {
  return (
    <tr className="border-t border-border">
      <th scope="row" className="py-2 pr-3 text-left text-xs font-medium whitespace-nowrap text-muted-foreground">
        {label}
      </th>
      <td className="py-2 pr-3 align-top tabular-nums">{source}</td>
      <td className={cn("py-2 align-top tabular-nums", highlight && "font-medium")}>{target}</td>
    </tr>
  );
}

export function MigrationForecast({
  plan,
  planHash,
  requiredApprovals,
  approvalReasons,
  problems,
}: MigrationForecastProps) {
  const t = useTranslations("migrations.forecast");
  const format = useFormatter();
  const bytes = useFormatBytes();
  const say = useMigrationMessage();
  const money = useMoney(plan.cost.currency);
  // Different currencies are never added, but each side is shown in its own.
  const sourceMoney = useMoney(plan.cost.sourceCurrency ?? plan.cost.currency);
  const targetMoney = useMoney(plan.cost.targetCurrency ?? plan.cost.currency);
  const { source: s, target: tg, cost, latency } = plan;
  const refusals = problems ?? plan.checks.filter((c) => !c.ok).map((c) => c.message);
  const ms = (v: number | null) => (v === null ? t("unknown") : t("msValue", { ms: Math.round(v) }));
  const tags = (list: string[]) => (list.length ? list.join(", ") : t("noResidency"));
  const gpus = (p: { replicas: number; gpusPerReplica: number; gpuType: string }) =>
    t("gpusValue", { replicas: p.replicas, count: p.gpusPerReplica, gpuType: p.gpuType });
  const latencyTone =
    latency.targetExpectedP95Ms !== null && latency.targetExpectedP95Ms > latency.sloMs ? "text-danger" : undefined;

  return (
    <div className="space-y-5" data-testid="migration-forecast">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("tableCaption", { model: plan.model.name })}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col" className="pb-2 text-left text-xs font-semibold tracking-wide uppercase">
                {t("source")}
              </th>
              <th scope="col" className="pb-2 text-left text-xs font-semibold tracking-wide uppercase">
                {t("target")}
              </th>
            </tr>
          </thead>
          <tbody>
            <Row
              label={t("cloud")}
              source={`${s.cloudName} (${s.provider})`}
              target={`${tg.cloudName} (${tg.provider})`}
            />
            <Row label={t("cluster")} source={s.clusterName} target={tg.clusterName} highlight />
            <Row label={t("region")} source={s.region} target={tg.region} />
            <Row label={t("gpus")} source={gpus(s)} target={gpus(tg)} />
            <Row
              label={t("costPerMonth")}
              source={sourceMoney(cost.beforePerMonth)}
              target={targetMoney(cost.afterPerMonth)}
            />
            <Row
              label={t("p95")}
              source={ms(latency.sourceP95Ms)}
              target={<span className={latencyTone}>{ms(latency.targetExpectedP95Ms)}</span>}
            />
            <Row label={t("residency")} source={tags(s.residencyTags)} target={tags(tg.residencyTags)} />
          </tbody>
        </table>
      </div>

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs text-muted-foreground">{t("delta")}</dt>
          <dd
            className={cn(
              "font-medium tabular-nums",
              (cost.deltaPerMonth ?? 0) > 0
                ? "text-warning"
                : (cost.deltaPerMonth ?? 0) < 0
                  ? "text-success"
                  : undefined,
            )}
          >
            {money(cost.deltaPerMonth, { signed: true })}
            {cost.deltaPercent !== null &&
              ` (${format.number(cost.deltaPercent / 100, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" })})`}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{t("overlap")}</dt>
          <dd className="tabular-nums">{money(cost.overlapCost)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{t("slo")}</dt>
          <dd className="tabular-nums">{ms(latency.sloMs)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{t("artifact")}</dt>
          <dd className="tabular-nums">
            {bytes(plan.artifact.sizeBytes)} ·{" "}
            {plan.artifact.estimatedCopySeconds === 0
              ? t("noCopy")
              : t("copyEstimate", { seconds: plan.artifact.estimatedCopySeconds })}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-xs text-muted-foreground">{t("latencyBasis")}</dt>
          <dd className="text-muted-foreground">{latency.basis}</dd>
        </div>
      </dl>
      {cost.notes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-xs text-muted-foreground">
          {cost.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}

      <section aria-labelledby="forecast-checks" className="space-y-2">
        <h3 id="forecast-checks" className="text-sm font-semibold">
          {t("checks")}
        </h3>
        <PlanCheckList checks={plan.checks} />
      </section>

      {refusals.length > 0 && (
        <section aria-labelledby="forecast-problems" className="space-y-2">
          <h3 id="forecast-problems" className="text-sm font-semibold text-danger">
            {t("problems")}
          </h3>
          <ul className="space-y-1">
            {refusals.map((p) => (
              <li key={p} className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
                {say(p)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="forecast-approvals" className="space-y-1">
        <h3 id="forecast-approvals" className="text-sm font-semibold">
          {t("approvalsNeeded", { count: requiredApprovals })}
        </h3>
        {approvalReasons && approvalReasons.length > 0 && (
          <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground">
            {approvalReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </section>

      {plan.warnings.length > 0 && (
        <ul className="space-y-1" aria-label={t("warnings")}>
          {plan.warnings.map((w) => (
            <li key={w} className="rounded-md bg-warning/10 px-3 py-2 text-sm text-warning">
              {w}
            </li>
          ))}
        </ul>
      )}

      <details className="text-sm">
        <summary className="cursor-pointer font-medium">{t("details")}</summary>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-muted-foreground">{t("traffic")}</dt>
          <dd>
            {t("trafficValue", { steps: plan.traffic.steps.map((v) => `${v} %`).join(" → ") })}{" "}
            <span className="text-muted-foreground">
              {t("analysisValue", {
                seconds: plan.traffic.analysisSeconds,
                min: plan.traffic.minRequests,
                ratio: format.number(plan.traffic.maxErrorRatio, { style: "percent", maximumFractionDigits: 2 }),
              })}
            </span>
          </dd>
          <dt className="text-muted-foreground">{t("verification")}</dt>
          <dd>
            {t("verificationValue", {
              cases: plan.model.goldenCases,
              abs: plan.verification.absTolerance,
              rel: plan.verification.relTolerance,
              samples: plan.verification.shadowSamples,
            })}
          </dd>
          <dt className="text-muted-foreground">{t("drain")}</dt>
          <dd>{t("drainValue", { seconds: plan.drainGraceSeconds })}</dd>
          <dt className="text-muted-foreground">{t("modelVersion")}</dt>
          <dd className="break-all">
            {plan.model.name}@{plan.model.version} ({plan.model.format}) ·{" "}
            <code className="text-xs">{plan.model.sha256.slice(0, 16)}…</code>
          </dd>
          <dt className="text-muted-foreground">{t("rollback")}</dt>
          <dd>
            <ul className="list-disc space-y-1 pl-5">
              {plan.rollback.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </dd>
          <dt className="text-muted-foreground">{t("planHash")}</dt>
          <dd className="flex items-center gap-2">
            <code className="text-xs break-all" data-testid="plan-hash">
              {planHash}
            </code>
            <CopyButton value={planHash} label={t("planHash")} size="icon-sm" variant="ghost" />
          </dd>
        </dl>
      </details>
    </div>
  );
}
