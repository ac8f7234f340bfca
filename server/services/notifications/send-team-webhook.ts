// Posts a Slack-compatible message to the team's webhook, signed like Stripe/Slack do:
// X-Tern-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>"> with X-Tern-Timestamp, so receivers can
// reject forgeries and replays. Redirects are not followed and the receiver's body is never read back.
import { createHmac } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client";
import { fetch as undiciFetch } from "undici";
import { decryptJson, getEncryptionKey } from "../../crypto/credentials";
import { createGuardedDispatcher } from "../../net/guarded-dispatcher";

let dispatcher: ReturnType<typeof createGuardedDispatcher> | undefined;

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface TeamWebhookMessage {
  prisma: PrismaClient;
  teamId: string;
  event: string;
  text: string;
  link?: string;
}

/** What one delivery did: no enabled webhook, or the receiver's HTTP status (its body is never read). */
export type TeamWebhookDelivery = { sent: false } | { sent: true; ok: boolean; status: number };

/** True when the receiver answered 2xx; false when there is no enabled webhook or it answered otherwise. */
export async function sendTeamWebhook(opts: TeamWebhookMessage): Promise<boolean> {
  const r = await deliverTeamWebhook(opts);
  return r.sent && r.ok;
}

/** One signed POST; rejects when the receiver cannot be reached (refused, timed out, blocked address). */
export async function deliverTeamWebhook(opts: TeamWebhookMessage): Promise<TeamWebhookDelivery> {
  const hook = await opts.prisma.teamWebhook.findUnique({
    where: { teamId: opts.teamId },
    select: { url: true, secretCipher: true, enabled: true },
  });
  if (!hook?.enabled) return { sent: false };
  const { secret } = decryptJson(hook.secretCipher, getEncryptionKey()) as { secret: string };
  const body = JSON.stringify({
    text: opts.link ? `${opts.text} <${opts.link}|open in Tern>` : opts.text,
    event: opts.event,
    link: opts.link ?? null,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  // Cloud metadata addresses are refused at connect time (after DNS), like every outbound call Tern makes.
  dispatcher ??= createGuardedDispatcher();
  const res = await undiciFetch(hook.url, {
    dispatcher,
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-tern-timestamp": timestamp,
      "x-tern-signature": signWebhook(secret, timestamp, body),
      "x-tern-event": opts.event,
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(5_000),
  });
  await res.body?.cancel();
  return { sent: true, ok: res.ok, status: res.status };
}
