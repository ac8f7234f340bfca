"use client";
// "Embed chart" on a deployment page, for operators: opens the dialog that makes an embed link.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { EmbedChartDialog } from "./EmbedChartDialog";

export function EmbedChartButton({ deploymentId, deploymentName }: { deploymentId: string; deploymentName: string }) {
  const t = useTranslations("embeds");
  const { can } = useCurrentTeam();
  const [open, setOpen] = useState(false);
  if (!can("OPERATOR")) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("embedChart")}</Button>
      <EmbedChartDialog
        open={open}
        onClose={() => setOpen(false)}
        deploymentId={deploymentId}
        deploymentName={deploymentName}
      />
    </>
  );
}
