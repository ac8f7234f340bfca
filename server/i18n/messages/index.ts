// Message catalogs: one JSON file per namespace and locale, merged per locale here.
// To add a namespace: create en/<ns>.json and zh-CN/<ns>.json, import both, add one line to `catalog`.
import type { Locale } from "../config";
import enCommon from "./en/common.json";
import zhCommon from "./zh-CN/common.json";
import enNav from "./en/nav.json";
import zhNav from "./zh-CN/nav.json";
import enShell from "./en/shell.json";
import zhShell from "./zh-CN/shell.json";
import enDeploy from "./en/deploy.json";
import zhDeploy from "./zh-CN/deploy.json";
import enLists from "./en/lists.json";
import zhLists from "./zh-CN/lists.json";
import enClouds from "./en/clouds.json";
import zhClouds from "./zh-CN/clouds.json";
import enClusters from "./en/clusters.json";
import zhClusters from "./zh-CN/clusters.json";
import enAuth from "./en/auth.json";
import zhAuth from "./zh-CN/auth.json";
import enDashboard from "./en/dashboard.json";
import zhDashboard from "./zh-CN/dashboard.json";
import enMembers from "./en/members.json";
import zhMembers from "./zh-CN/members.json";
import enAudit from "./en/audit.json";
import zhAudit from "./zh-CN/audit.json";
import enGpuPrices from "./en/gpuPrices.json";
import zhGpuPrices from "./zh-CN/gpuPrices.json";
import enModels from "./en/models.json";
import zhModels from "./zh-CN/models.json";
import enDeployments from "./en/deployments.json";
import zhDeployments from "./zh-CN/deployments.json";
import enCharts from "./en/charts.json";
import zhCharts from "./zh-CN/charts.json";
import enEmbeds from "./en/embeds.json";
import zhEmbeds from "./zh-CN/embeds.json";
import enMigrations from "./en/migrations.json";
import zhMigrations from "./zh-CN/migrations.json";
import enApprovals from "./en/approvals.json";
import zhApprovals from "./zh-CN/approvals.json";
import enSettings from "./en/settings.json";
import zhSettings from "./zh-CN/settings.json";
import enApiTokens from "./en/apiTokens.json";
import zhApiTokens from "./zh-CN/apiTokens.json";
import enRecommendations from "./en/recommendations.json";
import zhRecommendations from "./zh-CN/recommendations.json";
import { MIGRATION_MESSAGES, type MigrationMessageKey } from "../../domain/migration-messages";
import zhMigrationMessages from "./zh-CN/migrationMessages.json";
import enAutoscale from "./en/autoscale.json";
import enAlerts from "./en/alerts.json";
import zhAlerts from "./zh-CN/alerts.json";
import zhAutoscale from "./zh-CN/autoscale.json";

/** English is the reference: a translation missing one of its keys does not compile. */
function namespace<T>(en: T, zhCN: NoInfer<T>): Record<Locale, T> {
  return { en, "zh-CN": zhCN };
}

const catalog = {
  common: namespace(enCommon, zhCommon),
  nav: namespace(enNav, zhNav),
  shell: namespace(enShell, zhShell),
  deploy: namespace(enDeploy, zhDeploy),
  lists: namespace(enLists, zhLists),
  clouds: namespace(enClouds, zhClouds),
  clusters: namespace(enClusters, zhClusters),
  auth: namespace(enAuth, zhAuth),
  dashboard: namespace(enDashboard, zhDashboard),
  members: namespace(enMembers, zhMembers),
  audit: namespace(enAudit, zhAudit),
  gpuPrices: namespace(enGpuPrices, zhGpuPrices),
  models: namespace(enModels, zhModels),
  deployments: namespace(enDeployments, zhDeployments),
  charts: namespace(enCharts, zhCharts),
  embeds: namespace(enEmbeds, zhEmbeds),
  migrations: namespace(enMigrations, zhMigrations),
  approvals: namespace(enApprovals, zhApprovals),
  settings: namespace(enSettings, zhSettings),
  apiTokens: namespace(enApiTokens, zhApiTokens),
  recommendations: namespace(enRecommendations, zhRecommendations),
  // English comes from the templates the server writes its messages with (one source for both).
  migrationMessages: namespace<Record<MigrationMessageKey, string>>(MIGRATION_MESSAGES, zhMigrationMessages),
  autoscale: namespace(enAutoscale, zhAutoscale),
  alerts: namespace(enAlerts, zhAlerts),
};

export type Namespace = keyof typeof catalog;
export type Messages = { [N in Namespace]: (typeof catalog)[N]["en"] };

export const namespaces = Object.keys(catalog) as Namespace[];

export function messagesFor(locale: Locale): Messages {
  const entries = namespaces.map((ns) => [ns, catalog[ns][locale]] as const);
  return Object.fromEntries(entries) as Messages;
}

// Typed keys for useTranslations/getTranslations: a misspelt namespace or key fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
