import { ClusterDetail } from "@/components/clusters/ClusterDetail";

export const metadata = { title: "Cluster" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClusterDetail id={id} />;
}
