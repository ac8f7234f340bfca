"use client";
// Team settings: the outgoing webhook (admins) and the GPU equivalence table migrations size targets with.
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/PageHeader";
import { GpuEquivalenceCard } from "./GpuEquivalenceCard";
import { WebhookCard } from "./WebhookCard";

export function SettingsPage() {
  const t = useTranslations("settings");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <WebhookCard />
      <GpuEquivalenceCard />
    </div>
  );
}
