"use client";
// A deployment's phase as a badge: the word says it, the colour only helps; the same on every page.
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import type { DeploymentPhase } from "@/server/domain/values";
import { useDomainLabels } from "./useDomainLabels";

const VARIANT: Record<DeploymentPhase, BadgeVariant> = {
  Pending: "warning",
  Progressing: "info",
  Ready: "success",
  Degraded: "warning",
  Failed: "danger",
  Terminating: "neutral",
};

export function PhaseBadge({ phase }: { phase: DeploymentPhase }) {
  const label = useDomainLabels();
  return (
    <Badge variant={VARIANT[phase]} dot>
      {label.phase(phase)}
    </Badge>
  );
}
