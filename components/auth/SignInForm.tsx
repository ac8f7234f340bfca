"use client";
// Email + password sign-in (and single sign-on when the server has OIDC configured).
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { authClient, startSso } from "@/components/trpc/auth-client";

const ZSignIn = z.object({
  email: z.email("enter the email address you signed up with"),
  password: z.string().min(1, "enter your password"),
});

export function SignInForm({ sso, next = "/" }: { sso: { enabled: boolean; name: string }; next?: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useZodForm(ZSignIn, { email: "", password: "" });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (v) => {
    setError(null);
    setPending(true);
    const res = await authClient.signIn.email({ email: v.email, password: v.password });
    setPending(false);
    if (res.error) {
      setError(res.error.status === 401 ? t("wrongPassword") : (res.error.message ?? t("signInFailed")));
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <Card className="space-y-6 p-6">
      <div>
        <h1 className="text-xl font-semibold">{t("signInTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("signInSubtitle")}</p>
      </div>
      <form noValidate className="space-y-4" onSubmit={(e) => void submit(e)}>
        <FormField label={t("email")} error={errors.email?.message} required>
          {(p) => <Input {...p} {...form.register("email")} type="email" autoComplete="username" />}
        </FormField>
        <FormField label={t("password")} error={errors.password?.message} required>
          {(p) => <Input {...p} {...form.register("password")} type="password" autoComplete="current-password" />}
        </FormField>
        <ServerError message={error} />
        <Button type="submit" className="w-full" loading={pending}>
          {t("signIn")}
        </Button>
      </form>
      {sso.enabled && (
        <Button
          variant="secondary"
          className="w-full"
          onClick={() => void startSso(next).then((err) => err && setError(err))}
        >
          {t("signInWith", { name: sso.name })}
        </Button>
      )}
      <p className="text-center text-sm text-muted-foreground">
        {t("noAccount")}{" "}
        <Link
          href={next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`}
          className="text-primary hover:underline"
        >
          {t("signUp")}
        </Link>
      </p>
    </Card>
  );
}
