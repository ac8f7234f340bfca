"use client";
// Flags beside a migration's state: what triggered it (failover, the optimizer) and any skipped approval.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import type { MigrationListItem } from "@/server/validation/migration";

export function MigrationFlags({ m }: { m: Pick<MigrationListItem, "trigger" | "bypass"> }) {
  const t = useTranslations("migrations.flags");
  return (
    <>
      {m.trigger === "FAILOVER" && <Badge variant="warning">{t("failover")}</Badge>}
      {m.trigger === "RECOMMENDATION" && <Badge variant="info">{t("recommended")}</Badge>}
      {m.bypass?.kind === "BREAK_GLASS" && (
        <Badge variant="danger" data-testid="break-glass-flag">
          {t("breakGlass")}
        </Badge>
      )}
      {m.bypass?.kind === "FAILOVER_POLICY" && (
        <Badge variant="danger" data-testid="auto-started-flag">
          {t("autoStarted")}
        </Badge>
      )}
    </>
  );
}
