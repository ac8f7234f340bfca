"use client";
// Admins add people by email with a role; people without an account join when they sign up.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
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
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(ZInviteMemberRequest, { email: "", role: "VIEWER" });
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: async (r) => {
        toast.success(r.status === "added" ? t("added") : t("invited"));
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
    </form>
  );
}
