// The REST API (/api/v1): the same procedures, access rules, audit and errors as tRPC, as plain JSON over HTTP.
import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { appRouter } from "@/server/api/root";
import { createContextFromRequest } from "@/server/api/context";
import { csrfProblem } from "@/server/api/csrf";
import { env } from "@/server/env";
import { limitRequestBody } from "@/server/http/limit-request-body";
import { recordRefusedRequest } from "@/server/services/audit/record-refused-request";

export const dynamic = "force-dynamic";

/** Largest JSON body a REST call may send. */
const MAX_BODY = 1_000_000;

async function handler(incoming: Request) {
  // Cookies work here too, so a cookie-authenticated POST needs the same origin, as in tRPC (other methods
  // cannot be sent cross-site without a CORS preflight, which Tern never grants; a bearer token is exempt).
  const publicUrl = env().TERN_PUBLIC_URL;
  const problem = csrfProblem(incoming, publicUrl ? [new URL(publicUrl).origin] : []);
  if (problem) {
    await recordRefusedRequest({ req: incoming, reason: problem });
    return Response.json({ message: problem, code: "FORBIDDEN" }, { status: 403 });
  }
  const limited = await limitRequestBody(incoming, MAX_BODY);
  if (!limited.ok) return limited.response;
  const req = limited.req;
  return createOpenApiFetchHandler({
    endpoint: "/api/v1",
    router: appRouter,
    req,
    createContext: () => createContextFromRequest(req),
  });
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
