// The sign-in page; a signed-in visitor goes straight to the overview.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeNext } from "@/components/auth/safe-next";
import { oidcEnabled } from "@/server/auth/oidc";
import { env } from "@/server/env";
import { getSessionUser } from "@/server/services/auth/get-session-user";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next);
  if (await getSessionUser(await headers())) redirect(next);
  return <SignInForm sso={{ enabled: oidcEnabled(), name: env().OIDC_DISPLAY_NAME }} next={next} />;
}
