// For tests that expect a procedure to be refused: what a call ended in, as one comparable string.
import { TRPCError } from "@trpc/server";

/** "OK" when the call succeeds, else the tRPC error code ("FORBIDDEN", …), or NON_TRPC:<error> for anything else. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `NON_TRPC:${String(e)}`;
  }
}
