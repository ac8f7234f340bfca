"use client";
// One hook for "ask first, then run the mutation, toast, refresh": `ask(target)` opens the confirmation,
// and `dialog` is the ConfirmDialog to render. The steps after confirming are in run-confirmed.ts.
import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { readError } from "@/components/trpc/errors";
import { runConfirmed } from "./run-confirmed";

export interface ConfirmText {
  title: ReactNode;
  description?: ReactNode;
  /** Names the action ("Delete cluster"), never just "OK". */
  confirmLabel: string;
  variant?: "default" | "danger";
}

export interface ConfirmedMutationOptions<T, D, E, V> {
  /** e.g. trpc.cloud.delete.mutationOptions() */
  mutation: UseMutationOptions<D, E, V, unknown>;
  variables: (target: T) => V;
  confirm: (target: T) => ConfirmText;
  success: (target: T, data: D) => string;
  /** Query keys (or tRPC path keys) to refetch after success. */
  invalidate?: readonly QueryKey[];
  /** A page's own refetch, run with the invalidation (e.g. a detail page's `refetch`). */
  refresh?: () => Promise<unknown>;
  /** Refresh after a refusal too (see run-confirmed.ts). */
  refreshOnError?: boolean;
  /** Extra content inside the dialog: a reason field, the plan hash being approved. */
  body?: (target: T) => ReactNode;
  after?: (target: T, data: D) => void | Promise<void>;
}

export function useConfirmedMutation<T, D, E, V>(opts: ConfirmedMutationOptions<T, D, E, V>) {
  const qc = useQueryClient();
  const mutation = useMutation(opts.mutation);
  const [target, setTarget] = useState<T | null>(null);
  const text = target === null ? null : opts.confirm(target);

  const confirm = (chosen: T) =>
    runConfirmed({
      mutate: () => mutation.mutateAsync(opts.variables(chosen)),
      invalidate: async () => {
        await Promise.all([
          ...(opts.invalidate ?? []).map((queryKey) => qc.invalidateQueries({ queryKey })),
          opts.refresh?.(),
        ]);
      },
      refreshOnError: opts.refreshOnError,
      successMessage: (data) => opts.success(chosen, data),
      errorMessage: (error) => readError(error).message,
      notify: { success: (m) => toast.success(m), error: (m) => toast.error(m) },
      close: () => setTarget(null),
      after: opts.after && ((data) => opts.after?.(chosen, data)),
    });

  const dialog = (
    <ConfirmDialog
      open={text !== null}
      onCancel={() => setTarget(null)}
      onConfirm={() => target !== null && void confirm(target)}
      title={text?.title}
      description={text?.description}
      confirmLabel={text?.confirmLabel ?? ""}
      variant={text?.variant ?? "danger"}
      loading={mutation.isPending}
    >
      {target !== null && opts.body?.(target)}
    </ConfirmDialog>
  );

  return { ask: (t: T) => setTarget(t), dialog, isPending: mutation.isPending };
}
