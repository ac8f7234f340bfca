// Signed-in pages: anyone without a session is sent to the sign-in page first.
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/services/auth/get-session-user";
import { DashboardShell } from "@/components/dashboard/DashboardShell";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in");
  return <DashboardShell>{children}</DashboardShell>;
}
