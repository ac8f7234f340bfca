"use client";
// Abort (a running migration rolls back; one not started is cancelled) and Retry, for operators, and break-glass
// for admins, as the server allows.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Button } from "@/components/ui/Button";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import type { MigrationDetail } from "@/server/validation/migration";
import { BreakGlassButton } from "./BreakGlassButton";

export function MigrationActions({ m, onChanged }: { m: MigrationDetail; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("migrations.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const abort = useConfirmedMutation({
    mutation: trpc.migration.abort.mutationOptions(),
    variables: (x: MigrationDetail) => ({ id: x.id, reason: reason.trim() || undefined }),
    confirm: (x) => ({
      title: t("abortTitle"),
      description: x.state === "RUNNING" ? t("abortRunning") : t("abortPending"),
      confirmLabel: t("abortConfirm"),
    }),
    success: (x) => (x.state === "RUNNING" ? t("abortRequested") : t("cancelled")),
    refresh: onChanged,
    body: () => (
      <FormField label={t("abortReason")}>
        {(p) => <Input {...p} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
    ),
  });
  const retry = useMutation(
    trpc.migration.retry.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("retried"));
        router.push(`/migrations/${r.id}`);
        await onChanged();
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );
  if (!m.can.abort && !m.can.retry && !m.can.breakGlass) return null;
  return (
    <>
      <BreakGlassButton m={m} onChanged={onChanged} />
      {m.can.retry && (
        <Button onClick={() => retry.mutate({ id: m.id })} loading={retry.isPending}>
          {t("retry")}
        </Button>
      )}
      {m.can.abort && (
        <Button variant="danger" onClick={() => abort.ask(m)}>
          {t("abort")}
        </Button>
      )}
      {abort.dialog}
    </>
  );
}
