"use client";
// Settings → API tokens: make one (shown once) and manage the team's tokens.
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/PageHeader";
import { ApiTokenList } from "./ApiTokenList";
import { CreateApiTokenCard } from "./CreateApiTokenCard";

export function ApiTokensPage() {
  const t = useTranslations("apiTokens");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          // A plain link: the reference is a page of its own (Swagger UI), outside the app's router.
          <a
            href="/api/v1/docs"
            className="text-sm font-medium text-primary underline-offset-4 hover:underline"
            target="_blank"
            rel="noopener"
          >
            {t("reference")}
          </a>
        }
      />
      <CreateApiTokenCard />
      <ApiTokenList />
    </div>
  );
}
