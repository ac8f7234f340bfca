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
      <PageHeader title={t("title")} description={t("description")} />
      <CreateApiTokenCard />
      <ApiTokenList />
    </div>
  );
}
