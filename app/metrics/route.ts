// Tern's own /metrics for Prometheus: GPU prices and deployment facts, so cost is computed from series.
// It lists every team's deployment names, so it needs a bearer token by default (see metrics-token.ts).
import { getPrisma } from "@/server/db";
import { env, isEmbedded } from "@/server/env";
import { TERN_METRICS_CONTENT_TYPE } from "@/server/metrics/tern-metrics";
import { exportTernMetrics } from "@/server/services/metrics/export-tern-metrics";
import { metricsAccess, metricsRefusal, metricsTokenAccepted } from "@/server/services/metrics/metrics-token";
import { logger } from "@/server/log";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const e = env();
  const access = metricsAccess({
    token: e.TERN_METRICS_TOKEN,
    open: e.TERN_METRICS_OPEN === "1",
    embedded: isEmbedded(),
    dataDir: e.TERN_DATA_DIR,
  });
  if (!metricsTokenAccepted(req.headers.get("authorization"), access)) {
    return new Response(metricsRefusal(access), {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="tern-metrics"' },
    });
  }
  try {
    const body = await exportTernMetrics({ prisma: getPrisma() });
    return new Response(body, { headers: { "content-type": TERN_METRICS_CONTENT_TYPE, "cache-control": "no-store" } });
  } catch (e) {
    // A failed scrape is what Prometheus should see (up == 0), never an empty, "healthy" page.
    logger("/metrics").error("failed", e);
    return new Response("could not read prices and deployments from the database\n", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
