import { ModelDetail } from "@/components/models/ModelDetail";

export const metadata = { title: "Model" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ModelDetail id={id} />;
}
