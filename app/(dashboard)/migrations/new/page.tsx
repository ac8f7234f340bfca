import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MigrationForm } from "@/components/migrations/MigrationForm";
import { EmptyState } from "@/components/ui/EmptyState";
import { PageHeader } from "@/components/ui/PageHeader";

export const metadata = { title: "Migrate a deployment" };

export default async function Page({ searchParams }: { searchParams: Promise<{ deploymentId?: string | string[] }> }) {
  const t = await getTranslations("migrations.new");
  const raw = (await searchParams).deploymentId;
  const deploymentId = typeof raw === "string" ? raw : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {deploymentId ? (
        <MigrationForm deploymentId={deploymentId} />
      ) : (
        <EmptyState
          title={t("noDeploymentTitle")}
          description={t("noDeploymentDescription")}
          action={
            <Link href="/deployments" className="text-sm text-primary hover:underline">
              {t("openDeployments")}
            </Link>
          }
        />
      )}
    </div>
  );
}
