"use client";
// A cluster's health as a coloured badge with a text label (colour is never the only signal).
import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/Badge";

type Health = "HEALTHY" | "DEGRADED" | "UNREACHABLE" | "UNKNOWN";
const VARIANT: Record<Health, BadgeVariant> = { HEALTHY: "success", DEGRADED: "warning", UNREACHABLE: "danger", UNKNOWN: "neutral" };

export function HealthBadge({ health }: { health: Health }) {
  const t = useTranslations("clusters");
  return (
    <Badge variant={VARIANT[health]} dot>
      {t(`health.${health}`)}
    </Badge>
  );
}
