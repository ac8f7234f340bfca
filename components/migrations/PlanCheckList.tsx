"use client";
// A plan's checks (capacity, residency, format, health, store, golden set): each OK or refused, with its message.
import { useTranslations } from "next-intl";
import type { MigrationPlan } from "@/server/validation/migration";
import { cn } from "@/components/ui/cn";
import { useMigrationMessage } from "./useMigrationMessage";

export function PlanCheckList({ checks }: { checks: MigrationPlan["checks"] }) {
  const t = useTranslations("migrations.forecast");
  const say = useMigrationMessage();
  return (
    <ul className="space-y-2" aria-label={t("checks")}>
      {checks.map((c) => (
        <li key={c.id} className="flex gap-3 text-sm" data-check={c.id} data-ok={c.ok}>
          <span aria-hidden="true" className={cn("w-4 shrink-0 font-semibold", c.ok ? "text-success" : "text-danger")}>
            {c.ok ? "✓" : "✕"}
          </span>
          <span className="min-w-0">
            <span className="font-medium">{t(`checkNames.${c.id}`)}</span>{" "}
            <span className={cn("text-xs font-medium", c.ok ? "text-success" : "text-danger")}>
              {c.ok ? t("checkOk") : t("checkRefused")}
            </span>
            <span className="block break-words text-muted-foreground">{say(c.message)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
