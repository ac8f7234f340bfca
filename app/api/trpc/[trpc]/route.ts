// tRPC over HTTP: queries as GET, mutations as same-origin JSON POSTs only.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContextFromRequest } from "@/server/api/context";
import { MAX_BATCH_SIZE } from "@/server/api/trpc";
import { csrfProblem } from "@/server/api/csrf";
import { recordRefusedRequest } from "@/server/services/audit/record-refused-request";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const publicUrl = env().TERN_PUBLIC_URL;
  const problem = csrfProblem(req, publicUrl ? [new URL(publicUrl).origin] : []);
  if (problem) {
    await recordRefusedRequest({ req, reason: problem });
    return Response.json({ error: { message: problem, code: "FORBIDDEN" } }, { status: 403 });
  }
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
