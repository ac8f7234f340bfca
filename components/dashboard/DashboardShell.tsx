"use client";
// Wires the shell to the session: team switcher, role-filtered navigation, language, sign-out.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { toast } from "sonner";
import { AppShell } from "@/components/shell/AppShell";
import { LocaleSwitcher } from "@/components/shell/LocaleSwitcher";
import { Sidebar } from "@/components/shell/Sidebar";
import { TeamSwitcher } from "@/components/shell/TeamSwitcher";
import { ThemeToggle } from "@/components/shell/ThemeToggle";
import { UserMenu } from "@/components/shell/UserMenu";
import type { NavItemKey } from "@/components/shell/nav-items";
import { authClient } from "@/components/trpc/auth-client";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { LOCALE_COOKIE, isLocale } from "@/server/i18n/config";
import { useLiveUpdates } from "@/components/live/useLiveUpdates";
import { NoTeam } from "./NoTeam";
import { readCookie, writeCookie } from "./browser-cookies";

const BASE_ITEMS: NavItemKey[] = [
  "overview",
  "clouds",
  "clusters",
  "gpuPrices",
  "models",
  "deployments",
  "migrations",
  "approvals",
  "recommendations",
  "members",
  "embeds",
  "apiTokens",
  "settings",
];

export function DashboardShell({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("dashboard");
  const session = useQuery(trpc.me.session.queryOptions());
  useLiveUpdates();
  const user = session.data?.user ?? null;
  const team = session.data?.team ?? null;
  // Pending approvals for the sidebar badge; the live stream refetches it when a migration changes.
  const inbox = useQuery({ ...trpc.approval.count.queryOptions(), enabled: team !== null, refetchInterval: 30_000 });

  // The language is remembered per user: a new browser takes the user's saved choice.
  useEffect(() => {
    if (user && isLocale(user.locale) && readCookie(LOCALE_COOKIE) !== user.locale) {
      writeCookie(LOCALE_COOKIE, user.locale);
      router.refresh();
    }
  }, [user, router]);

  const setLocale = useMutation(
    trpc.me.setLocale.mutationOptions({
      onSuccess: async ({ locale: next }) => {
        writeCookie(LOCALE_COOKIE, next);
        await qc.invalidateQueries({ queryKey: trpc.me.session.queryKey() });
        router.refresh();
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );

  // The chosen team is remembered on the server (User.currentTeamId), so every browser opens in it.
  const setTeam = useMutation(
    trpc.me.setTeam.mutationOptions({
      onSuccess: async () => {
        await qc.resetQueries();
        router.refresh();
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );
  const switchTeam = async (teamId: string) => {
    await setTeam.mutateAsync({ teamId }).catch(() => undefined);
  };

  const signOut = async () => {
    await authClient.signOut();
    qc.clear();
    router.replace("/sign-in");
    router.refresh();
  };

  if (session.isLoading) return <div className="p-8 text-sm text-muted-foreground">{t("loadingSession")}</div>;
  if (!user) return null;

  const items: NavItemKey[] = team?.role === "ADMIN" ? [...BASE_ITEMS, "audit", "approvalPolicy"] : BASE_ITEMS;
  return (
    <AppShell
      sidebar={
        <Sidebar
          items={team ? items : []}
          counts={{ approvals: inbox.data?.count }}
          header={
            team ? (
              <TeamSwitcher teams={session.data?.teams ?? []} currentTeamId={team.id} onSwitch={switchTeam} />
            ) : null
          }
        />
      }
      topBar={
        <>
          <LocaleSwitcher locale={isLocale(locale) ? locale : "en"} onChange={(l) => setLocale.mutate({ locale: l })} />
          <ThemeToggle />
          <UserMenu name={user.name} email={user.email} onSignOut={signOut} />
        </>
      }
    >
      {team ? children : <NoTeam />}
    </AppShell>
  );
}
