import { Suspense } from "react";
import { ModelsPage } from "@/components/models/ModelsPage";

export const metadata = { title: "Models" };

export default function Page() {
  return (
    <Suspense>
      <ModelsPage />
    </Suspense>
  );
}
