"use client";
// The team's API tokens (an admin sees everyone's): prefix, scopes, expiry, last use, status, and revoke.
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { FixedList } from "@/components/tables/FixedList";
import type { ListColumn } from "@/components/tables/list-view";
import { useTRPC } from "@/components/trpc/client";
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import type { ApiTokenDto } from "@/server/validation/api-token";

const STATUS: Record<ApiTokenDto["status"], BadgeVariant> = {
  active: "success",
  expired: "neutral",
  revoked: "danger",
};

export function ApiTokenList() {
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const trpc = useTRPC();
  const { can, user } = useCurrentTeam();
  const q = useQuery(trpc.apiToken.list.queryOptions());
  const revoke = useConfirmedMutation({
    mutation: trpc.apiToken.revoke.mutationOptions(),
    variables: (tok: ApiTokenDto) => ({ id: tok.id }),
    confirm: (tok) => ({
      title: t("revokeTitle", { name: tok.name }),
      description: t("revokeDescription"),
      confirmLabel: t("revokeConfirm"),
    }),
    success: (tok) => t("revoked", { name: tok.name }),
    invalidate: [trpc.apiToken.list.queryKey()],
  });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const showOwner = can("ADMIN");
  const owner: ListColumn<ApiTokenDto>[] = showOwner
    ? [{ id: "owner", header: t("columns.owner"), cell: (tok) => tok.user.email }]
    : [];

  return (
    <>
      <FixedList
        query={q}
        rows={q.data}
        caption={t("caption")}
        empty={{ title: t("empty") }}
        rowData={(tok) => ({ "data-token": tok.prefix })}
        columns={[
          { id: "name", header: t("columns.name"), className: "font-medium", cell: (tok) => tok.name },
          { id: "token", header: t("columns.token"), className: "font-mono text-xs", cell: (tok) => `${tok.prefix}…` },
          {
            id: "scopes",
            header: t("columns.scopes"),
            wrap: true,
            cell: (tok) => tok.scopes.map((s) => t(`scopes.${s}`)).join(", "),
          },
          ...owner,
          { id: "expires", header: t("columns.expires"), cell: (tok) => when(tok.expiresAt) },
          {
            id: "lastUsed",
            header: t("columns.lastUsed"),
            cell: (tok) =>
              tok.lastUsedAt
                ? tok.lastUsedIp
                  ? t("lastUsedFrom", { when: when(tok.lastUsedAt), ip: tok.lastUsedIp })
                  : when(tok.lastUsedAt)
                : t("never"),
          },
          {
            id: "status",
            header: t("columns.status"),
            cell: (tok) => (
              <Badge variant={STATUS[tok.status]} dot={tok.status === "active"}>
                {t(`statuses.${tok.status}`)}
              </Badge>
            ),
          },
        ]}
        rowActions={{
          // Anyone may revoke their own tokens; an admin anyone's.
          role: "VIEWER",
          items: [
            {
              label: t("revoke"),
              name: (tok) => `${t("revoke")} ${tok.name}`,
              visible: (tok) => tok.status === "active" && (showOwner || tok.user.id === user?.id),
              onSelect: revoke.ask,
            },
          ],
        }}
      />
      {revoke.dialog}
    </>
  );
}
