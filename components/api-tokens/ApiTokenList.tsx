"use client";
// The team's API tokens (an admin sees everyone's): prefix, scopes, expiry, last use, status, and revoke.
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Badge, type BadgeVariant } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { Skeleton } from "@/components/ui/Skeleton";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
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
  if (q.isLoading) return <Skeleton className="h-40 w-full" />;
  if (q.error) return <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />;
  const rows = q.data ?? [];
  if (rows.length === 0) return <EmptyState title={t("empty")} />;
  const showOwner = can("ADMIN");
  return (
    <>
      <Table caption={t("caption")}>
        <THead>
          <Tr>
            <Th>{t("columns.name")}</Th>
            <Th>{t("columns.token")}</Th>
            <Th>{t("columns.scopes")}</Th>
            {showOwner && <Th>{t("columns.owner")}</Th>}
            <Th>{t("columns.expires")}</Th>
            <Th>{t("columns.lastUsed")}</Th>
            <Th>{t("columns.status")}</Th>
            <Th align="right">{t("columns.actions")}</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((tok) => (
            <Tr key={tok.id} data-token={tok.prefix}>
              <Td className="font-medium">{tok.name}</Td>
              <Td className="font-mono text-xs">{tok.prefix}…</Td>
              <Td wrap>{tok.scopes.map((s) => t(`scopes.${s}`)).join(", ")}</Td>
              {showOwner && <Td>{tok.user.email}</Td>}
              <Td>{when(tok.expiresAt)}</Td>
              <Td>
                {tok.lastUsedAt
                  ? tok.lastUsedIp
                    ? t("lastUsedFrom", { when: when(tok.lastUsedAt), ip: tok.lastUsedIp })
                    : when(tok.lastUsedAt)
                  : t("never")}
              </Td>
              <Td>
                <Badge variant={STATUS[tok.status]} dot={tok.status === "active"}>
                  {t(`statuses.${tok.status}`)}
                </Badge>
              </Td>
              <Td align="right">
                {tok.status === "active" && (showOwner || tok.user.id === user?.id) && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`${t("revoke")} ${tok.name}`}
                    onClick={() => revoke.ask(tok)}
                  >
                    {t("revoke")}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {revoke.dialog}
    </>
  );
}
