"use client";
// The one place a domain value becomes words: each enum's labels come from one catalog key, whoever shows it.
import { useTranslations } from "next-intl";
import type { AuditOutcome, ClusterHealth, DeploymentPhase, Provider, Role } from "@/server/domain/values";

export function useDomainLabels() {
  const clouds = useTranslations("clouds");
  const deployments = useTranslations("deployments");
  const clusters = useTranslations("clusters");
  const shell = useTranslations("shell");
  const audit = useTranslations("audit");
  return {
    provider: (p: Provider) => clouds(`providers.${p}`),
    phase: (p: DeploymentPhase) => deployments(`phases.${p}`),
    health: (h: ClusterHealth) => clusters(`health.${h}`),
    role: (r: Role) => shell(`roles.${r}`),
    outcome: (o: AuditOutcome) => audit(`outcomes.${o}`),
  };
}
