"use client";
// A member's role as a badge; the higher the role, the stronger the colour.
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import type { Role } from "@/server/domain/values";
import { useDomainLabels } from "./useDomainLabels";

const VARIANT: Record<Role, BadgeVariant> = {
  VIEWER: "neutral",
  OPERATOR: "info",
  APPROVER: "warning",
  ADMIN: "danger",
};

export function RoleBadge({ role }: { role: Role }) {
  const label = useDomainLabels();
  return <Badge variant={VARIANT[role]}>{label.role(role)}</Badge>;
}
