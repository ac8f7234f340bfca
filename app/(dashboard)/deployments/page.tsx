import { Suspense } from "react";
import { DeploymentsPage } from "@/components/deployments/DeploymentsPage";

export const metadata = { title: "Deployments" };

export default function Page() {
  return (
    <Suspense>
      <DeploymentsPage />
    </Suspense>
  );
}
