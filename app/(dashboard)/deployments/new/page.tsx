import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/PageHeader";
import { DeployForm } from "@/components/deployments/DeployForm";

export const metadata = { title: "Deploy a model" };

export default async function Page() {
  const t = await getTranslations("deploy");
  return (
    <div className="space-y-6">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <DeployForm />
    </div>
  );
}
