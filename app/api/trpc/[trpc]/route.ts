// tRPC over HTTP: queries as GET, mutations as same-origin JSON POSTs only.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContextFromRequest } from "@/server/api/context";
import { MAX_BATCH_SIZE } from "@/server/api/trpc";
import { csrfProblem } from "@/server/api/csrf";
import { recordRefusedRequest } from "@/server/services/audit/record-refused-request";
import { env } from "@/server/env";
import { limitRequestBody, trpcBodyLimit } from "@/server/http/limit-request-body";

export const dynamic = "force-dynamic";

async function handler(incoming: Request) {
  const publicUrl = env().TERN_PUBLIC_URL;
  const problem = csrfProblem(incoming, publicUrl ? [new URL(publicUrl).origin] : []);
  if (problem) {
    await recordRefusedRequest({ req: incoming, reason: problem });
    return Response.json({ error: { message: problem, code: "FORBIDDEN" } }, { status: 403 });
  }
  // Before anything parses it: a body over the cap is refused with 413, never buffered whole.
  const limited = await limitRequestBody(incoming, trpcBodyLimit(incoming.url));
  if (!limited.ok) return limited.response;
  const req = limited.req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    // A batch of hundreds of refused calls would cost hundreds of audit writes: refused whole, clearly.
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContextFromRequest(req),
  });
}

export { handler as GET, handler as POST };
