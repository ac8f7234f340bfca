import { MigrationDetail } from "@/components/migrations/MigrationDetail";

export const metadata = { title: "Migration" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MigrationDetail id={id} />;
}
