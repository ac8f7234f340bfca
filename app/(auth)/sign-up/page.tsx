// The sign-up page; `next` brings an invited person back to their invite link afterwards.
import { SignUpForm } from "@/components/auth/SignUpForm";
import { safeNext } from "@/components/auth/safe-next";

export const metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  return <SignUpForm next={safeNext((await searchParams).next)} />;
}
