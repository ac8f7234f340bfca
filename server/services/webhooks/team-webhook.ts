// The team's outgoing webhook: URL and enabled flag are readable; the signing secret is write-only.
import { AppError } from "../../errors";
import { encryptJson, getEncryptionKey } from "../../crypto/credentials";
import type { z } from "zod";
import type { ZWebhookSettings } from "../../validation/migration";
import type { TeamScope } from "../context";
import { sendTeamWebhook } from "../notifications/send-team-webhook";

export async function getTeamWebhook(opts: TeamScope) {
  const row = await opts.prisma.teamWebhook.findUnique({
    where: { teamId: opts.teamId },
    select: { url: true, enabled: true, updatedAt: true },
  });
  return row ? { ...row, configured: true } : { url: null, enabled: false, updatedAt: null, configured: false };
}

export async function saveTeamWebhook(opts: TeamScope & { input: z.output<typeof ZWebhookSettings> }) {
  const { url, secret, enabled } = opts.input;
  const existing = await opts.prisma.teamWebhook.findUnique({
    where: { teamId: opts.teamId },
    select: { teamId: true },
  });
  if (!existing && !secret)
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      "set a signing secret (at least 16 characters) for the new webhook",
      "secret",
    );
  const secretCipher = secret ? encryptJson({ secret }, getEncryptionKey()) : undefined;
  await opts.prisma.teamWebhook.upsert({
    where: { teamId: opts.teamId },
    create: { teamId: opts.teamId, url, enabled, secretCipher: secretCipher! },
    update: { url, enabled, ...(secretCipher ? { secretCipher } : {}) },
  });
  return getTeamWebhook(opts);
}

export async function deleteTeamWebhook(opts: TeamScope) {
  await opts.prisma.teamWebhook.deleteMany({ where: { teamId: opts.teamId } });
  return { ok: true };
}

/** Sends a test message now; says whether the receiver answered 2xx (never what it answered). */
export async function testTeamWebhook(opts: TeamScope) {
  try {
    const ok = await sendTeamWebhook({
      prisma: opts.prisma,
      teamId: opts.teamId,
      event: "webhook.test",
      text: "Tern test message: this webhook receives migration and approval events",
    });
    return {
      delivered: ok,
      message: ok
        ? "the receiver accepted the test message"
        : "the webhook is disabled, missing, or the receiver did not answer with 2xx",
    };
  } catch {
    return { delivered: false, message: "the receiver could not be reached (refused, timed out or redirected)" };
  }
}
