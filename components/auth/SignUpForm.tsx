"use client";
// Create an account. It joins no team by itself: an invited person accepts their invite link afterwards.
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
import { authClient } from "@/components/trpc/auth-client";

const ZSignUp = z.object({
  name: z.string().trim().min(1, "enter your name").max(100),
  email: z.email("enter a valid email address such as ana@example.com"),
  password: z.string().min(10, "use at least 10 characters").max(128),
});

export function SignUpForm({ next = "/" }: { next?: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useZodForm(ZSignUp, { name: "", email: "", password: "" });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    setPending(true);
    const res = await authClient.signUp.email({ name: v.name, email: v.email.toLowerCase(), password: v.password });
    setPending(false);
    if (res.error) {
      setError(res.error.message ?? t("signUpFailed"));
      return;
    }
    router.replace(next);
    router.refresh();
  });
  return (
    <Card className="space-y-6 p-6">
      <div>
        <h1 className="text-xl font-semibold">{t("signUpTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("signUpSubtitle")}</p>
      </div>
      <form noValidate className="space-y-4" onSubmit={(e) => void submit(e)}>
        <FormField label={t("name")} error={errors.name?.message} required>
          {(p) => <Input {...p} {...form.register("name")} autoComplete="name" />}
        </FormField>
        <FormField label={t("email")} error={errors.email?.message} required>
          {(p) => <Input {...p} {...form.register("email")} type="email" autoComplete="email" />}
        </FormField>
        <FormField label={t("password")} hint={t("passwordHint")} error={errors.password?.message} required>
          {(p) => <Input {...p} {...form.register("password")} type="password" autoComplete="new-password" />}
        </FormField>
        <ServerError message={error} />
        <Button type="submit" className="w-full" loading={pending}>
          {t("signUp")}
        </Button>
      </form>
      <p className="text-center text-sm text-muted-foreground">
        {t("haveAccount")}{" "}
        <Link
          href={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`}
          className="text-primary hover:underline"
        >
          {t("signIn")}
        </Link>
      </p>
    </Card>
  );
}
