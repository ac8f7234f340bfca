// Tern's own /metrics for Prometheus: GPU prices and deployment facts, so cost is computed from series.
// Open unless TERN_METRICS_TOKEN is set (then `Authorization: Bearer <token>`), like most exporters.
import { getPrisma } from "@/server/db";
import { env } from "@/server/env";
import { TERN_METRICS_CONTENT_TYPE } from "@/server/metrics/tern-metrics";
import { exportTernMetrics } from "@/server/services/metrics/export-tern-metrics";
import { metricsTokenAccepted } from "@/server/services/metrics/metrics-token";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  if (!metricsTokenAccepted(req.headers.get("authorization"), env().TERN_METRICS_TOKEN)) {
    return new Response("this endpoint needs `Authorization: Bearer <TERN_METRICS_TOKEN>`\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="tern-metrics"' },
    });
  }
  try {
    const body = await exportTernMetrics({ prisma: getPrisma() });
    return new Response(body, { headers: { "content-type": TERN_METRICS_CONTENT_TYPE, "cache-control": "no-store" } });
  } catch (e) {
    // A failed scrape is what Prometheus should see (up == 0), never an empty, "healthy" page.
    console.error("[tern] /metrics failed:", e instanceof Error ? e.message : String(e));
    return new Response("could not read prices and deployments from the database\n", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
