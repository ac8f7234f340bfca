"use client";
// Break-glass for admins, where the policy allows it: start a pending migration without approval, with a reason.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import type { MigrationDetail } from "@/server/validation/migration";

export function BreakGlassButton({ m, onChanged }: { m: MigrationDetail; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("migrations.breakGlass");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(
    trpc.migration.breakGlass.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast.success(t("started"));
        await onChanged();
      },
      onError: (e) => setError(readError(e).message),
    }),
  );
  if (!m.can.breakGlass) return null;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      <ConfirmDialog
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setError(null);
          start.mutate({ id: m.id, reason: reason.trim() });
        }}
        title={t("title")}
        description={t("description")}
        confirmLabel={t("confirm")}
        variant="danger"
        loading={start.isPending}
      >
        <FormField label={t("reason")} hint={t("reasonHint")} error={error ?? undefined} required>
          {(p) => <Input {...p} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
        </FormField>
      </ConfirmDialog>
    </>
  );
}
