"use client";
// An audit event's outcome as a badge: refused in red, failed in amber.
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import type { AuditOutcome } from "@/server/domain/values";
import { useDomainLabels } from "./useDomainLabels";

const VARIANT: Record<AuditOutcome, BadgeVariant> = {
  SUCCESS: "success",
  DENIED: "danger",
  FAILED: "warning",
  PENDING: "warning",
};

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const label = useDomainLabels();
  return <Badge variant={VARIANT[outcome]}>{label.outcome(outcome)}</Badge>;
}
