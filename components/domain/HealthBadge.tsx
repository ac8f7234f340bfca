"use client";
// A cluster's health as a coloured badge with a text label (colour is never the only signal).
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import type { ClusterHealth } from "@/server/domain/values";
import { useDomainLabels } from "./useDomainLabels";

const VARIANT: Record<ClusterHealth, BadgeVariant> = {
  HEALTHY: "success",
  DEGRADED: "warning",
  UNREACHABLE: "danger",
  UNKNOWN: "neutral",
};

export function HealthBadge({ health }: { health: ClusterHealth }) {
  const label = useDomainLabels();
  return (
    <Badge variant={VARIANT[health]} dot>
      {label.health(health)}
    </Badge>
  );
}
