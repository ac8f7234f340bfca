"use client";
// Add-model form in a dialog: name, task, framework and description, validated as you type and again by the server.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Textarea } from "@/components/ui/Textarea";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ZCreateModelRequest } from "@/server/validation/model";

export function CreateModelDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("models");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZCreateModelRequest, { name: "", task: "", framework: "", description: "" });
  const create = useMutation(
    trpc.model.create.mutationOptions({
      onSuccess: async (model) => {
        toast.success(t("addedToast", { name: model.name }));
        await qc.invalidateQueries({ queryKey: trpc.model.list.queryKey() });
        form.reset();
        onClose();
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const { errors } = form.formState;
  return (
    <Dialog open={open} onClose={onClose} title={t("addTitle")} description={t("addDescription")}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((v) => {
          setServerError(null);
          create.mutate({ ...v, description: v.description || undefined });
        })}
      >
        <FormField label={t("name")} hint={t("nameHint")} error={errors.name?.message} required>
          {(p) => <Input {...p} {...form.register("name")} autoComplete="off" placeholder="fraud-ranker" />}
        </FormField>
        <FormField label={t("task")} hint={t("taskHint")} error={errors.task?.message} required>
          {(p) => <Input {...p} {...form.register("task")} autoComplete="off" placeholder="classification" />}
        </FormField>
        <FormField label={t("framework")} hint={t("frameworkHint")} error={errors.framework?.message} required>
          {(p) => <Input {...p} {...form.register("framework")} autoComplete="off" placeholder="PyTorch" />}
        </FormField>
        <FormField label={t("modelDescription")} hint={t("descriptionHint")} error={errors.description?.message}>
          {(p) => <Textarea {...p} {...form.register("description")} rows={3} maxLength={500} />}
        </FormField>
        <ServerError message={serverError} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            {t("add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
