// An embed link's status as a badge: the word says it, the colour only helps.
import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import type { EmbedStatus } from "@/server/validation/embed";

const VARIANTS: Record<EmbedStatus, BadgeVariant> = { active: "success", expired: "neutral", revoked: "danger" };

export function EmbedStatusBadge({ status }: { status: EmbedStatus }) {
  const t = useTranslations("embeds");
  return (
    <Badge variant={VARIANTS[status]} dot={status === "active"}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
