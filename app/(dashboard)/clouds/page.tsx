import { Suspense } from "react";
import { CloudsPage } from "@/components/clouds/CloudsPage";

export const metadata = { title: "Clouds" };

export default function Page() {
  return (
    <Suspense>
      <CloudsPage />
    </Suspense>
  );
}
