import { Suspense } from "react";
import { GpuPricesPage } from "@/components/gpu-prices/GpuPricesPage";

export const metadata = { title: "GPU prices" };

export default function Page() {
  return (
    <Suspense>
      <GpuPricesPage />
    </Suspense>
  );
}
