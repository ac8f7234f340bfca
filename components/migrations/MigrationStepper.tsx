"use client";
// The migration's steps in order, live: status, start, end, duration, attempts, message and evidence.
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { cn } from "@/components/ui/cn";
import type { MigrationDetail } from "@/server/validation/migration";
import { StepEvidence } from "./StepEvidence";
import { STEP_VARIANT } from "./migration-states";
import { useMigrationMessage } from "./useMigrationMessage";

type Step = MigrationDetail["steps"][number];

const MARK: Record<Step["status"], string> = { PENDING: "", RUNNING: "…", SUCCEEDED: "✓", FAILED: "✕", SKIPPED: "–" };
const RING: Record<Step["status"], string> = {
  PENDING: "border-border text-muted-foreground",
  RUNNING: "border-info text-info motion-safe:animate-pulse",
  SUCCEEDED: "border-success bg-success text-white",
  FAILED: "border-danger bg-danger text-white",
  SKIPPED: "border-border text-muted-foreground",
};

export function MigrationStepper({ steps }: { steps: Step[] }) {
  const t = useTranslations("migrations.steps");
  const ts = useTranslations("migrations.stepStatuses");
  const say = useMigrationMessage();
  const format = useFormatter();
  const now = useNow({ updateInterval: 1000 });
  const time = (d: Date | null) =>
    d ? format.dateTime(d, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }) : "—";
  const duration = (s: Step) => {
    if (!s.startedAt) return "—";
    const sec = Math.max(0, Math.round(((s.finishedAt ?? now).getTime() - s.startedAt.getTime()) / 1000));
    return sec < 90 ? t("seconds", { s: sec }) : t("minutes", { m: Math.floor(sec / 60), s: sec % 60 });
  };
  if (steps.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <ol className="space-y-0" aria-label={t("title")}>
      {steps.map((s, i) => (
        <li
          key={s.index}
          aria-current={s.status === "RUNNING" ? "step" : undefined}
          data-kind={s.kind}
          data-status={s.status}
          className="relative flex gap-4 pb-5 last:pb-0"
        >
          {i < steps.length - 1 && (
            <span aria-hidden="true" className="absolute top-7 left-3 h-[calc(100%-1.75rem)] w-px bg-border" />
          )}
          <span
            aria-hidden="true"
            className={cn(
              "z-10 flex size-6 shrink-0 items-center justify-center rounded-full border-2 text-xs font-bold",
              RING[s.status],
            )}
          >
            {MARK[s.status] || s.index + 1}
          </span>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium">{say(s.label)}</span>
              <Badge variant={STEP_VARIANT[s.status]}>{ts(s.status)}</Badge>
              {s.attempts > 1 && (
                <span className="text-xs text-muted-foreground">{t("attempts", { count: s.attempts })}</span>
              )}
            </div>
            <p className="mt-0.5 text-xs text-muted-foreground tabular-nums">
              {t("timing", { start: time(s.startedAt), end: time(s.finishedAt), duration: duration(s) })}
            </p>
            {s.message && (
              <p
                className={cn(
                  "mt-1 text-sm break-words",
                  s.status === "FAILED" ? "text-danger" : "text-muted-foreground",
                )}
              >
                {say(s.message)}
              </p>
            )}
            <StepEvidence evidence={s.evidence} label={say(s.label)} />
          </div>
        </li>
      ))}
    </ol>
  );
}
