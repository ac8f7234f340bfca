"use client";
// The team's open invites under the members table, from the same query; admins revoke them.
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import type { Role } from "@/server/domain/values";

export interface PendingInvite {
  id: string;
  email: string;
  role: Role;
  expired: boolean;
  expiresAt: Date;
}

export function PendingInvites({
  invites,
  onRevoke,
}: {
  invites: PendingInvite[];
  onRevoke?: (invite: PendingInvite) => void;
}) {
  const t = useTranslations("members");
  const format = useFormatter();
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold">{t("pendingInvites")}</h2>
      <ul className="divide-y divide-border rounded-lg border border-border">
        {invites.map((i) => (
          <li key={i.id} className="flex items-center justify-between px-4 py-2 text-sm">
            <span>
              {i.email} · {t(`roles.${i.role}`)} ·{" "}
              <span className="text-muted-foreground">
                {i.expired
                  ? t("expired")
                  : t("expires", { date: format.dateTime(i.expiresAt, { dateStyle: "medium" }) })}
              </span>
            </span>
            {onRevoke && (
              <Button
                size="sm"
                variant="ghost"
                aria-label={t("revokeNamed", { email: i.email })}
                onClick={() => onRevoke(i)}
              >
                {t("revoke")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
