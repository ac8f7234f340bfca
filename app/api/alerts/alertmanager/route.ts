// Tern's Alertmanager webhook receiver: firing and resolved SLO alerts, authenticated with a bearer token like
// /metrics (TERN_ALERTS_TOKEN, or in embedded mode the token generated into the data folder).
import { after } from "next/server";
import { getPrisma } from "@/server/db";
import { env, isEmbedded, publicUrl } from "@/server/env";
import { alertsToken } from "@/server/alerts/alerts-token-file";
import { logger } from "@/server/log";
import { metricsTokenAccepted } from "@/server/services/metrics/metrics-token";
import { recordAlertmanagerWebhook, ZAlertmanagerWebhook } from "@/server/services/alerts/record-alertmanager-webhook";

export const dynamic = "force-dynamic";

const MAX_BODY = 1_000_000;
const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });

export async function POST(req: Request) {
  const e = env();
  const token = alertsToken({ configured: e.TERN_ALERTS_TOKEN, dataDir: e.TERN_DATA_DIR, embedded: isEmbedded() });
  if (!token)
    return text(
      401,
      "the alert receiver is closed: set TERN_ALERTS_TOKEN on Tern and the same bearer token in Alertmanager's webhook_configs (http_config.authorization)",
    );
  if (!metricsTokenAccepted(req.headers.get("authorization"), { mode: "token", token }))
    return text(401, "this endpoint needs `Authorization: Bearer <TERN_ALERTS_TOKEN>`", {
      "www-authenticate": 'Bearer realm="tern-alerts"',
    });
  const raw = await req.text();
  if (raw.length > MAX_BODY) return text(413, "the payload is larger than 1 MB");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return text(400, "the body must be Alertmanager's webhook JSON");
  }
  const parsed = ZAlertmanagerWebhook.safeParse(json);
  if (!parsed.success)
    return text(422, `not an Alertmanager webhook payload: ${parsed.error.issues[0]?.message ?? ""}`);
  try {
    const { delivered, ...result } = await recordAlertmanagerWebhook({
      prisma: getPrisma(),
      payload: parsed.data,
      publicUrl: publicUrl(),
    });
    // Forwards to the team's webhook (with retries) finish after the answer: a slow receiver never holds Alertmanager.
    after(delivered);
    return Response.json(result);
  } catch (err) {
    // 5xx makes Alertmanager retry the notification.
    logger("/api/alerts").error("could not record alerts", err);
    return text(503, "could not record the alerts; Alertmanager will retry");
  }
}
