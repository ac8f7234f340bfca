import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/PageHeader";
import { ImportClusterForm } from "@/components/clusters/ImportClusterForm";

export const metadata = { title: "Import cluster" };

export default async function Page() {
  const t = await getTranslations("clusters");
  return (
    <div className="space-y-6">
      <PageHeader title={t("importTitle")} description={t("importDescription")} />
      <ImportClusterForm />
    </div>
  );
}
