"use client";
// better-auth's browser client (sign in, sign up, sign out) and the single sign-on redirect.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();

/** Starts OIDC sign-in: the server answers with the identity provider's URL to go to. */
export async function startSso(callbackURL = "/"): Promise<string | null> {
  const res = await fetch("/api/auth/sign-in/oauth2", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ providerId: "oidc", callbackURL }),
  });
  const body = (await res.json().catch(() => null)) as { url?: string; message?: string } | null;
  if (res.ok && body?.url) {
    window.location.assign(body.url);
    return null;
  }
  return body?.message ?? `single sign-on failed (${res.status})`;
}
