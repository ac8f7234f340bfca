"use client";
// Admins invite people by email with a role; the single-use invite link is shown once, to copy and send.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ROLE_VALUES } from "@/server/validation/common";
import { ZInviteMemberRequest } from "@/server/validation/team";

export function InviteMemberForm() {
  const t = useTranslations("members");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ email: string; url: string; expiresAt: Date } | null>(null);
  const form = useZodForm(ZInviteMemberRequest, { email: "", role: "VIEWER" });
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("invited"));
        setLink({ email: r.email, url: r.inviteUrl, expiresAt: r.expiresAt });
        form.reset();
        await qc.invalidateQueries({ queryKey: trpc.team.members.queryKey() });
      },
      onError: (e) => setError(readError(e).message),
    }),
  );
  const { errors } = form.formState;
  return (
    <form
      noValidate
      className="flex flex-wrap items-start gap-3"
      onSubmit={form.handleSubmit((v) => {
        setError(null);
        setLink(null);
        invite.mutate(v);
      })}
    >
      <FormField label={t("email")} error={errors.email?.message} required className="min-w-64 flex-1">
        {(p) => <Input {...p} {...form.register("email")} type="email" autoComplete="off" />}
      </FormField>
      <FormField label={t("role")} error={errors.role?.message} required>
        {(p) => (
          <Select {...p} {...form.register("role")}>
            {ROLE_VALUES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <Button type="submit" className="mt-6" loading={invite.isPending}>
        {t("invite")}
      </Button>
      <div className="w-full">
        <ServerError message={error} />
      </div>
      {link && (
        <div className="w-full space-y-2 rounded-lg border border-border p-3 text-sm" data-testid="invite-link">
          <p className="font-medium">{t("inviteLinkTitle", { email: link.email })}</p>
          <div className="flex gap-2">
            <Input
              readOnly
              aria-label={t("inviteLinkTitle", { email: link.email })}
              value={link.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="secondary"
              onClick={() => void navigator.clipboard?.writeText(link.url).then(() => toast.success(t("copied")))}
            >
              {t("copyLink")}
            </Button>
          </div>
          <p className="text-muted-foreground">
            {t("inviteLinkHint", {
              email: link.email,
              expires: format.dateTime(link.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        </div>
      )}
    </form>
  );
}
