"use client";
// Edit a cluster's region, Prometheus URL and residency tags.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ZUpdateClusterRequest, type ClusterDto } from "@/server/validation/cluster";

export function EditClusterDialog({ cluster, onClose }: { cluster: ClusterDto; onClose: () => void }) {
  const t = useTranslations("clusters");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useZodForm(ZUpdateClusterRequest, {
    id: cluster.id,
    region: cluster.region,
    prometheusUrl: cluster.prometheusUrl ?? "",
    residencyTags: cluster.residencyTags.join(", "),
  });
  const save = useMutation(
    trpc.cluster.update.mutationOptions({
      onSuccess: async () => {
        toast.success(t("saved"));
        await qc.invalidateQueries({ queryKey: trpc.cluster.pathKey() });
        onClose();
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const { errors } = form.formState;
  return (
    <Dialog open onClose={onClose} title={t("editTitle", { name: cluster.name })}>
      <form noValidate className="space-y-4" onSubmit={form.handleSubmit((v) => save.mutate(v))}>
        <FormField label={t("region")} error={errors.region?.message} required>
          {(p) => <Input {...p} {...form.register("region")} />}
        </FormField>
        <FormField label={t("prometheusUrl")} error={errors.prometheusUrl?.message}>
          {(p) => <Input {...p} {...form.register("prometheusUrl")} />}
        </FormField>
        <FormField label={t("residencyTags")} hint={t("residencyHint")} error={errors.residencyTags?.message}>
          {(p) => <Input {...p} {...form.register("residencyTags")} />}
        </FormField>
        <ServerError message={serverError} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {tc("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
