"use client";
// The invite page's card: team, role and invited address; Accept for the signed-in owner of that address.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ServerError } from "@/components/forms/ServerError";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";

export function InviteAccept({ token }: { token: string }) {
  const t = useTranslations("members.invitePage");
  const tm = useTranslations("members");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const preview = useQuery({ ...trpc.invite.preview.queryOptions({ token }), retry: false });
  const session = useQuery(trpc.me.session.queryOptions());
  const accept = useMutation(
    trpc.invite.accept.mutationOptions({
      onSuccess: async () => {
        await qc.resetQueries();
        router.replace("/");
        router.refresh();
      },
      onError: (e) => setError(readError(e).message),
    }),
  );
  const here = `/invite/${token}`;

  if (preview.isLoading || session.isLoading)
    return <Card className="p-6 text-sm text-muted-foreground">{t("loading")}</Card>;
  if (preview.error || !preview.data) {
    return (
      <Card className="space-y-3 p-6">
        <h1 className="text-lg font-semibold">{t("invalidTitle")}</h1>
        <ServerError message={preview.error ? readError(preview.error).message : t("invalidTitle")} />
      </Card>
    );
  }
  const inv = preview.data;
  const user = session.data?.user ?? null;
  return (
    <Card className="space-y-4 p-6">
      <h1 className="text-lg font-semibold">{t("title", { team: inv.teamName })}</h1>
      <p className="text-sm">{t("summary", { email: inv.email, role: tm(`roles.${inv.role}`) })}</p>
      {inv.status === "pending" && (
        <p className="text-sm text-muted-foreground">
          {t("expires", { date: format.dateTime(inv.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      )}
      {inv.status === "expired" && <ServerError message={t("expired")} />}
      {inv.status === "accepted" && <ServerError message={t("used")} />}
      <ServerError message={error} />
      {inv.status === "pending" &&
        (user ? (
          <div className="space-y-2">
            <p className="text-sm text-muted-foreground">{t("signedInAs", { email: user.email })}</p>
            <Button className="w-full" loading={accept.isPending} onClick={() => accept.mutate({ token })}>
              {t("accept")}
            </Button>
          </div>
        ) : (
          <div className="flex flex-col gap-2">
            <p className="text-sm text-muted-foreground">{t("signInFirst", { email: inv.email })}</p>
            <Link className="text-sm text-primary hover:underline" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              {t("signIn")}
            </Link>
            <Link className="text-sm text-primary hover:underline" href={`/sign-up?next=${encodeURIComponent(here)}`}>
              {t("signUp")}
            </Link>
          </div>
        ))}
    </Card>
  );
}
