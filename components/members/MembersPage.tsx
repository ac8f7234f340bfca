"use client";
// Team members and their roles; admins invite, change roles, remove members and revoke invites.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { Table } from "@/components/ui/Table";
import { TBody } from "@/components/ui/TBody";
import { Td } from "@/components/ui/Td";
import { Th } from "@/components/ui/Th";
import { THead } from "@/components/ui/THead";
import { Tr } from "@/components/ui/Tr";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ROLE_VALUES } from "@/server/validation/common";
import { InviteMemberForm } from "./InviteMemberForm";

export function MembersPage() {
  const t = useTranslations("members");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can, user } = useCurrentTeam();
  const admin = can("ADMIN");
  const q = useQuery(trpc.team.members.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.team.members.queryKey() });
  const onError = (e: unknown) => toast.error(readError(e).message);
  const setRole = useMutation(trpc.team.setRole.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.team.removeMember.mutationOptions({ onSuccess: refresh, onError }));
  const revoke = useMutation(trpc.team.revokeInvite.mutationOptions({ onSuccess: refresh, onError }));

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {admin && (
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold">{t("inviteTitle")}</h2>
          <InviteMemberForm />
        </Card>
      )}
      {q.isLoading && <Skeleton className="h-48 w-full" />}
      {q.error && <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />}
      {q.data && (
        <Table caption={t("title")}>
          <THead>
            <Tr>
              <Th>{t("name")}</Th>
              <Th>{t("email")}</Th>
              <Th>{t("role")}</Th>
              <Th>{t("since")}</Th>
              {admin && <Th className="text-right">{t("actions")}</Th>}
            </Tr>
          </THead>
          <TBody>
            {q.data.members.map((m) => (
              <Tr key={m.id}>
                <Td className="font-medium">
                  {m.name}
                  {m.id === user?.id && <Badge className="ml-2">{t("you")}</Badge>}
                </Td>
                <Td>{m.email}</Td>
                <Td>
                  {admin ? (
                    <Select
                      aria-label={t("roleOf", { name: m.name })}
                      value={m.role}
                      onChange={(e) =>
                        setRole.mutate({ userId: m.id, role: e.target.value as (typeof ROLE_VALUES)[number] })
                      }
                    >
                      {ROLE_VALUES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    t(`roles.${m.role}`)
                  )}
                </Td>
                <Td>{format.dateTime(m.since, { dateStyle: "medium" })}</Td>
                {admin && (
                  <Td className="text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t("removeNamed", { name: m.name })}
                      onClick={() => remove.mutate({ userId: m.id })}
                    >
                      {t("remove")}
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {q.data && q.data.invites.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-sm font-semibold">{t("pendingInvites")}</h2>
          <ul className="divide-y divide-border rounded-lg border border-border">
            {q.data.invites.map((i) => (
              <li key={i.id} className="flex items-center justify-between px-4 py-2 text-sm">
                <span>
                  {i.email} · {t(`roles.${i.role}`)} ·{" "}
                  <span className="text-muted-foreground">
                    {i.expired
                      ? t("expired")
                      : t("expires", { date: format.dateTime(i.expiresAt, { dateStyle: "medium" }) })}
                  </span>
                </span>
                {admin && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("revokeNamed", { email: i.email })}
                    onClick={() => revoke.mutate({ id: i.id })}
                  >
                    {t("revoke")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
