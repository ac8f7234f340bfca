// Posts a Slack-compatible message to the team's webhook, signed like Stripe/Slack do:
// X-Tern-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>"> with X-Tern-Timestamp, so receivers can
// reject forgeries and replays. Redirects are not followed and the receiver's body is never read back.
import { createHmac } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client";
import { decryptJson, getEncryptionKey } from "../../crypto/credentials";

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export async function sendTeamWebhook(opts: {
  prisma: PrismaClient;
  teamId: string;
  event: string;
  text: string;
  link?: string;
}): Promise<boolean> {
  const hook = await opts.prisma.teamWebhook.findUnique({
    where: { teamId: opts.teamId },
    select: { url: true, secretCipher: true, enabled: true },
  });
  if (!hook?.enabled) return false;
  const { secret } = decryptJson(hook.secretCipher, getEncryptionKey()) as { secret: string };
  const body = JSON.stringify({
    text: opts.link ? `${opts.text} <${opts.link}|open in Tern>` : opts.text,
    event: opts.event,
    link: opts.link ?? null,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(hook.url, {
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
  return res.ok;
}
