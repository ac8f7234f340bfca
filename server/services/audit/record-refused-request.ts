// Audits a request refused before it reached a procedure (e.g. a cross-site POST): counted per client
// address and window like every anonymous refusal, so a flood of them cannot fill the audit log.
import { getPrisma } from "../../db";
import { clientAddress } from "../../auth/client-address";
import { requestIdOf } from "../../audit/request-id";
import { recordAnonymousRefusal } from "./record-anonymous-refusal";

export async function recordRefusedRequest(opts: { req: Request; reason: string }): Promise<void> {
  const url = new URL(opts.req.url);
  await recordAnonymousRefusal({
    prisma: getPrisma(),
    ip: clientAddress(opts.req.headers),
    action: `http.${opts.req.method.toLowerCase()} ${url.pathname}`,
    requestId: requestIdOf(opts.req.headers),
    reason: `${opts.reason} (origin ${opts.req.headers.get("origin") ?? "none"})`,
  }).catch(() => undefined);
}
