"use client";
// The add-version dialog; the form inside mounts fresh each time it opens.
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/Dialog";
import { AddVersionForm } from "./AddVersionForm";

export function AddVersionDialog({
  open,
  model,
  onClose,
}: {
  open: boolean;
  model: { id: string; name: string };
  onClose: () => void;
}) {
  const t = useTranslations("models");
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={t("addVersionTitle")}
      description={t("addVersionDescription", { name: model.name })}
    >
      <AddVersionForm modelId={model.id} onDone={onClose} />
    </Dialog>
  );
}
