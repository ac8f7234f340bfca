"use client";
// A deployment phase as a badge with a text label.
import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/Badge";

const VARIANT: Record<string, BadgeVariant> = {
  Ready: "success",
  Progressing: "info",
  Pending: "warning",
  Degraded: "warning",
  Failed: "danger",
  Terminating: "neutral",
};
const KNOWN = ["Pending", "Progressing", "Ready", "Degraded", "Failed", "Terminating"] as const;

export function PhaseBadge({ phase }: { phase: string }) {
  const t = useTranslations("deployments");
  const known = KNOWN.find((k) => k === phase);
  return (
    <Badge variant={VARIANT[phase] ?? "neutral"} dot>
      {known ? t(`phases.${known}`) : phase}
    </Badge>
  );
}
