// The steps after someone confirms an action (delete, revoke, approve, abort): run it, say how it went, close the dialog,
// refresh what it changed. Pure over its callbacks, so it is tested without a DOM or a server.
export interface ConfirmedSteps<D> {
  mutate: () => Promise<D>;
  /** Refetches the queries the action changed (e.g. the list it removed a row from). */
  invalidate: () => Promise<void>;
  successMessage: (data: D) => string;
  errorMessage: (error: unknown) => string;
  notify: { success: (message: string) => void; error: (message: string) => void };
  close: () => void;
  /** After success and the refresh, e.g. leave a detail page whose object is gone. */
  after?: (data: D) => void | Promise<void>;
  /**
   * Refresh after a failure too, where the refusal means the page is out of date (an approval refused because
   * the plan changed). Otherwise a failure refreshes nothing.
   */
  refreshOnError?: boolean;
}

export type ConfirmedOutcome<D> = { ok: true; data: D } | { ok: false; error: unknown };

export async function runConfirmed<D>(steps: ConfirmedSteps<D>): Promise<ConfirmedOutcome<D>> {
  let data: D;
  try {
    data = await steps.mutate();
  } catch (error) {
    // Closed either way: the toast carries the outcome, and a dialog left open would invite a blind retry.
    steps.notify.error(steps.errorMessage(error));
    steps.close();
    if (steps.refreshOnError) await steps.invalidate();
    return { ok: false, error };
  }
  steps.notify.success(steps.successMessage(data));
  steps.close();
  await steps.invalidate();
  await steps.after?.(data);
  return { ok: true, data };
}
