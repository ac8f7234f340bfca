"use client";
// For a signed-in person who belongs to no team yet: wait for an invite, or start a team.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ZCreateTeamRequest } from "@/server/validation/team";

export function NoTeam() {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(ZCreateTeamRequest, { name: "" });
  const create = useMutation(
    trpc.team.create.mutationOptions({
      onSuccess: async () => {
        await qc.resetQueries();
        router.refresh();
      },
      onError: (e) => setError(readError(e).message),
    }),
  );
  return (
    <Card className="mx-auto mt-12 max-w-lg space-y-4 p-6">
      <h1 className="text-lg font-semibold">{t("noTeamTitle")}</h1>
      <p className="text-sm text-muted-foreground">{t("noTeamDescription")}</p>
      <form noValidate className="space-y-3" onSubmit={form.handleSubmit((v) => create.mutate(v))}>
        <FormField label={t("teamName")} error={form.formState.errors.name?.message} required>
          {(p) => <Input {...p} {...form.register("name")} />}
        </FormField>
        <ServerError message={error} />
        <Button type="submit" loading={create.isPending}>
          {t("createTeam")}
        </Button>
      </form>
    </Card>
  );
}
