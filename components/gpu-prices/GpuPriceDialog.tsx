"use client";
// The add / edit GPU price dialog; the form inside mounts fresh each time it opens.
import { useTranslations } from "next-intl";
import { useDomainLabels } from "@/components/domain/useDomainLabels";
import { Dialog } from "@/components/ui/Dialog";
import type { GpuPriceDto } from "@/server/validation/gpu-price";
import { GpuPriceForm } from "./GpuPriceForm";

export function GpuPriceDialog({
  open,
  price,
  onClose,
}: {
  open: boolean;
  price: GpuPriceDto | null;
  onClose: () => void;
}) {
  const t = useTranslations("gpuPrices");
  const label = useDomainLabels();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={price ? t("editTitle") : t("addTitle")}
      description={
        price
          ? t("editDescription", {
              provider: label.provider(price.provider),
              region: price.region,
              gpuType: price.gpuType,
              date: price.effectiveDate,
            })
          : t("addDescription")
      }
    >
      <GpuPriceForm price={price} onDone={onClose} />
    </Dialog>
  );
}
