"use client";
// A model version's fields, with the golden set uploaded as a JSON file or pasted, parsed as you type.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState, type ChangeEvent } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "@/components/ui/Button";
import { FormField } from "@/components/ui/FormField";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import { ServerError } from "@/components/forms/ServerError";
import { useZodForm } from "@/components/forms/useZodForm";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { MODEL_FORMATS } from "@/server/validation/common";
import { parseGoldenSetText, ZCreateModelVersionRequest } from "@/server/validation/model";
import { useFormatBytes } from "./useFormatBytes";
import { errorMessage } from "@/server/domain/error-message";

const GOLDEN_EXAMPLE = `[
  { "input": [5.1, 3.5, 1.4, 0.2], "expected": [0.97, 0.02, 0.01], "tolerance": 0.01 },
  { "input": [6.7, 3.0, 5.2, 2.3], "expected": [0.01, 0.04, 0.95] }
]`;

/** The server's schema, with the golden set as text that parses into the array the server wants. */
function addVersionSchema(requiredMessage: string) {
  return ZCreateModelVersionRequest.omit({ modelId: true, goldenSet: true }).extend({
    goldenSetText: z.string().transform((text, ctx) => {
      if (text.trim() === "") {
        ctx.addIssue({ code: "custom", message: requiredMessage });
        return z.NEVER;
      }
      const parsed = parseGoldenSetText(text);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
  });
}

export function AddVersionForm({ modelId, onDone }: { modelId: string; onDone: () => void }) {
  const t = useTranslations("models");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const formatBytes = useFormatBytes();
  const [serverError, setServerError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const schema = useMemo(() => addVersionSchema(t("goldenSetRequired")), [t]);
  const form = useZodForm(schema, {
    version: "",
    format: "ONNX",
    artifactUri: "",
    sha256: "",
    sizeBytes: "",
    runtimeImage: "",
    goldenSetText: "",
  });
  const create = useMutation(
    trpc.model.createVersion.mutationOptions({
      onSuccess: async (v) => {
        toast.success(t("versionAddedToast", { version: v.version }));
        await qc.invalidateQueries({ queryKey: trpc.model.pathKey() });
        onDone();
      },
      onError: (e) => setServerError(readError(e).message),
    }),
  );
  const { errors } = form.formState;

  const size = Number(form.watch("sizeBytes"));
  const goldenText = form.watch("goldenSetText");
  const golden = goldenText.trim() ? parseGoldenSetText(goldenText) : null;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    setFileError(null);
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      // Into the text box, so the user sees what was loaded and can fix it there.
      form.setValue("goldenSetText", await file.text(), { shouldValidate: true, shouldDirty: true });
    } catch (e) {
      setFileError(t("goldenSetUnreadable", { error: errorMessage(e) }));
    }
  };

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(({ goldenSetText, ...v }) => {
        setServerError(null);
        create.mutate({ ...v, modelId, goldenSet: goldenSetText });
      })}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("version")} hint={t("versionHint")} error={errors.version?.message} required>
          {(p) => <Input {...p} {...form.register("version")} autoComplete="off" placeholder="1.0.0" />}
        </FormField>
        <FormField label={t("format")} error={errors.format?.message} required>
          {(p) => (
            <Select {...p} {...form.register("format")}>
              {MODEL_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`formats.${f}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </div>
      <FormField label={t("artifactUri")} hint={t("artifactUriHint")} error={errors.artifactUri?.message} required>
        {(p) => (
          <Input
            {...p}
            {...form.register("artifactUri")}
            autoComplete="off"
            spellCheck={false}
            placeholder="s3://models/ranker/1.0.0/model.onnx"
          />
        )}
      </FormField>
      <FormField label={t("sha256")} hint={t("sha256Hint")} error={errors.sha256?.message} required>
        {(p) => (
          <Input {...p} {...form.register("sha256")} autoComplete="off" spellCheck={false} className="font-mono" />
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("sizeBytes")}
          hint={
            <>
              {t("sizeHint")}
              {Number.isInteger(size) && size > 0 && !errors.sizeBytes && (
                <> {t("sizeIs", { size: formatBytes(size) })}</>
              )}
            </>
          }
          error={errors.sizeBytes?.message}
          required
        >
          {/* text with a numeric keypad, not type="number": sizes run to 16 digits and the schema explains bad input */}
          {(p) => (
            <Input
              {...p}
              {...form.register("sizeBytes")}
              inputMode="numeric"
              autoComplete="off"
              placeholder="104857600"
            />
          )}
        </FormField>
        <FormField label={t("runtimeImage")} hint={t("runtimeImageHint")} error={errors.runtimeImage?.message} required>
          {(p) => <Input {...p} {...form.register("runtimeImage")} autoComplete="off" spellCheck={false} />}
        </FormField>
      </div>
      <FormField label={t("goldenSetFile")} hint={t("goldenSetFileHint")} error={fileError}>
        {(p) => (
          <Input
            {...p}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void upload(e)}
            className="py-1.5 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground"
          />
        )}
      </FormField>
      <FormField
        label={t("goldenSet")}
        error={errors.goldenSetText?.message}
        required
        hint={
          <>
            {golden?.ok && (
              <span className="mb-1 block font-medium text-success">
                {t("goldenSetReady", { count: golden.value.length })}
              </span>
            )}
            {t("goldenSetHint")}
            <code className="mt-1 block rounded bg-muted px-2 py-1.5 font-mono whitespace-pre-wrap">
              {GOLDEN_EXAMPLE}
            </code>
          </>
        }
      >
        {(p) => (
          <Textarea
            {...p}
            {...form.register("goldenSetText")}
            rows={8}
            spellCheck={false}
            className="font-mono text-xs"
          />
        )}
      </FormField>
      <ServerError message={serverError} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          {tc("cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          {t("addVersion")}
        </Button>
      </div>
    </form>
  );
}
