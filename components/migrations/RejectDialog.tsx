"use client";
// Rejecting a plan needs a reason (validated as it is typed); the reason is shown to the requester.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { FormField } from "@/components/ui/FormField";
import { Textarea } from "@/components/ui/Textarea";
import { ZRejectRequest } from "@/server/validation/migration";

const ZReason = z.object({ reason: ZRejectRequest.shape.reason });

export function RejectDialog(props: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  migrationId: string;
  planHash: string;
}) {
  const t = useTranslations("migrations.approvals");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZReason, { reason: "" });
  const reject = useMutation(
    trpc.approval.reject.mutationOptions({
      onSuccess: () => {
        form.reset();
        props.onDone();
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const formId = "reject-migration-form";
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      dismissible={!reject.isPending}
      title={t("rejectTitle")}
      description={t("rejectDescription")}
      footer={
        <>
          <Button onClick={props.onClose} disabled={reject.isPending}>
            {tc("cancel")}
          </Button>
          <Button type="submit" form={formId} variant="danger" loading={reject.isPending}>
            {t("rejectConfirm")}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        className="space-y-3"
        onSubmit={form.handleSubmit((v) => {
          setServerError(null);
          reject.mutate({ migrationId: props.migrationId, planHash: props.planHash, reason: v.reason });
        })}
      >
        <FormField label={t("rejectReason")} error={form.formState.errors.reason?.message} required>
          {(p) => <Textarea {...p} rows={3} {...form.register("reason")} />}
        </FormField>
        <ServerError message={serverError} />
      </form>
    </Dialog>
  );
}
