// Reads a tRPC error into what a form shows: a message and, where the server named one, a field.
import { TRPCClientError } from "@trpc/client";
import { errorMessage } from "@/server/domain/error-message";

export interface FormError {
  message: string;
  field: string | null;
  fieldErrors: Record<string, string>;
}

export function readError(err: unknown): FormError {
  if (err instanceof TRPCClientError) {
    const data = err.data as
      { field?: string | null; zodIssues?: { path: string[]; message: string }[] | null } | undefined;
    const fieldErrors: Record<string, string> = {};
    for (const i of data?.zodIssues ?? []) fieldErrors[i.path.join(".")] ??= i.message;
    const first = data?.zodIssues?.[0];
    return {
      message: first ? `${first.path.join(".") || "input"}: ${first.message}` : err.message,
      field: data?.field ?? null,
      fieldErrors,
    };
  }
  return { message: errorMessage(err, "something went wrong"), field: null, fieldErrors: {} };
}
