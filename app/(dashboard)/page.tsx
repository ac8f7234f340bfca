import { OverviewPage } from "@/components/dashboard/OverviewPage";

export const metadata = { title: "Overview" };

export default function Page() {
  return <OverviewPage />;
}
