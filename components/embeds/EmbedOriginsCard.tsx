"use client";
// Admins list the wiki origins that may frame live charts, one per line; checked as typed and by the server.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { FormField } from "@/components/ui/FormField";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { ServerError } from "@/components/forms/ServerError";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { ZSetEmbedOriginsRequest } from "@/server/validation/embed";

const linesOf = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function OriginsForm({ initial }: { initial: string[] }) {
  const t = useTranslations("embeds");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [text, setText] = useState(initial.join("\n"));
  const [serverError, setServerError] = useState<string | null>(null);
  const lines = linesOf(text);
  const parsed = ZSetEmbedOriginsRequest.safeParse({ origins: lines });
  const issue = parsed.success ? null : parsed.error.issues[0];
  const line = typeof issue?.path[1] === "number" ? issue.path[1] + 1 : null;
  const error = issue ? (line ? t("originsLine", { line, message: issue.message }) : issue.message) : undefined;
  const save = useMutation(
    trpc.embed.setOrigins.mutationOptions({
      onSuccess: async (r) => {
        setText(r.origins.join("\n"));
        toast.success(t("originsSaved"));
        await qc.invalidateQueries({ queryKey: trpc.embed.origins.queryKey() });
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setServerError(null);
        if (parsed.success) save.mutate({ origins: lines });
      }}
    >
      <FormField label={t("originsLabel")} hint={t("originsHint")} error={text.trim() ? error : undefined}>
        {(p) => (
          <Textarea
            {...p}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="https://wiki.example.com"
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
          />
        )}
      </FormField>
      {initial.length === 0 && lines.length === 0 && (
        <p className="text-sm text-muted-foreground">{t("originsNone")}</p>
      )}
      <ServerError message={serverError} />
      <Button type="submit" variant="primary" loading={save.isPending} disabled={!parsed.success}>
        {t("originsSave")}
      </Button>
    </form>
  );
}

export function EmbedOriginsCard() {
  const t = useTranslations("embeds");
  const trpc = useTRPC();
  const q = useQuery(trpc.embed.origins.queryOptions());
  return (
    <Card title={t("originsTitle")} description={t("originsDescription")}>
      {q.isLoading && <Skeleton className="h-28 w-full" />}
      {q.error && <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />}
      {q.data && <OriginsForm key={q.data.origins.join("\n")} initial={q.data.origins} />}
    </Card>
  );
}
