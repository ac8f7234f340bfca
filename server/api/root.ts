// The application router: one sub-router per domain.
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { alertRouter } from "./routers/alert";
import { auditRouter } from "./routers/audit";
import { cloudRouter } from "./routers/cloud";
import { clusterRouter } from "./routers/cluster";
import { deploymentRouter } from "./routers/deployment";
import { embedRouter } from "./routers/embed";
import { apiTokenRouter } from "./routers/api-token";
import { gpuPriceRouter } from "./routers/gpu-price";
import { inviteRouter } from "./routers/invite";
import { meRouter } from "./routers/me";
import { metricsRouter } from "./routers/metrics";
import { migrationRouter } from "./routers/migration";
import { approvalRouter } from "./routers/approval";
import { notificationRouter } from "./routers/notification";
import { settingsRouter } from "./routers/settings";
import { modelRouter } from "./routers/model";
import { overviewRouter } from "./routers/overview";
import { recommendationsRouter } from "./routers/recommendations";
import { teamRouter } from "./routers/team";

export const appRouter = createTRPCRouter({
  me: meRouter,
  overview: overviewRouter,
  team: teamRouter,
  invite: inviteRouter,
  cloud: cloudRouter,
  cluster: clusterRouter,
  gpuPrice: gpuPriceRouter,
  model: modelRouter,
  deployment: deploymentRouter,
  audit: auditRouter,
  embed: embedRouter,
  apiToken: apiTokenRouter,
  metrics: metricsRouter,
  migration: migrationRouter,
  approval: approvalRouter,
  notification: notificationRouter,
  settings: settingsRouter,
  recommendations: recommendationsRouter,
  alert: alertRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
