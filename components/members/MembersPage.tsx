"use client";
// Team members and their roles; admins invite, change roles, remove members and revoke invites.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { FixedList } from "@/components/tables/FixedList";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ROLE_VALUES } from "@/server/validation/common";
import { InviteMemberForm } from "./InviteMemberForm";
import { PendingInvites, type PendingInvite } from "./PendingInvites";

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
  const membersKey = [trpc.team.members.queryKey()];
  const remove = useConfirmedMutation({
    mutation: trpc.team.removeMember.mutationOptions(),
    variables: (m: { id: string; name: string; email: string }) => ({ userId: m.id }),
    confirm: (m) => ({
      title: t("removeTitle", { name: m.name }),
      description: t("removeDescription", { email: m.email }),
      confirmLabel: t("removeConfirm"),
    }),
    success: (m) => t("removed", { name: m.name }),
    invalidate: membersKey,
  });
  const revoke = useConfirmedMutation({
    mutation: trpc.team.revokeInvite.mutationOptions(),
    variables: (i: PendingInvite) => ({ id: i.id }),
    confirm: (i) => ({
      title: t("revokeTitle", { email: i.email }),
      description: t("revokeDescription"),
      confirmLabel: t("revokeConfirm"),
    }),
    success: (i) => t("revoked", { email: i.email }),
    invalidate: membersKey,
  });

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {admin && (
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold">{t("inviteTitle")}</h2>
          <InviteMemberForm />
        </Card>
      )}
      <FixedList
        query={q}
        rows={q.data?.members}
        caption={t("title")}
        columns={[
          {
            id: "name",
            header: t("name"),
            className: "font-medium",
            cell: (m) => (
              <>
                {m.name}
                {m.id === user?.id && <Badge className="ml-2">{t("you")}</Badge>}
              </>
            ),
          },
          { id: "email", header: t("email"), cell: (m) => m.email },
          {
            id: "role",
            header: t("role"),
            cell: (m) =>
              admin ? (
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
              ),
          },
          { id: "since", header: t("since"), cell: (m) => format.dateTime(m.since, { dateStyle: "medium" }) },
        ]}
        rowActions={{
          role: "ADMIN",
          items: [
            {
              label: t("remove"),
              name: (m) => t("removeNamed", { name: m.name }),
              onSelect: remove.ask,
            },
          ],
        }}
      />
      {q.data && q.data.invites.length > 0 && (
        <PendingInvites invites={q.data.invites} onRevoke={admin ? revoke.ask : undefined} />
      )}
      {remove.dialog}
      {revoke.dialog}
    </div>
  );
}
