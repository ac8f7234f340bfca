import { Suspense } from "react";
import { ClustersPage } from "@/components/clusters/ClustersPage";

export const metadata = { title: "Clusters" };

export default function Page() {
  return (
    <Suspense>
      <ClustersPage />
    </Suspense>
  );
}
