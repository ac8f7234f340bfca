// In front of better-auth's endpoints: resolves the client address (client-address.ts) for its per-address
// limit, enforces the per-account limit on failed sign-ins, and audits sign-in failures and sign-outs
// (successful sign-ins are audited when their session is created, see auth.ts).
import { toNextJsHandler } from "better-auth/next-js";
import { getPrisma } from "../db";
import { env } from "../env";
import { requestIdOf } from "../audit/request-id";
import { recordAuditEvent } from "../services/audit/record-audit-event";
import { recordAnonymousRefusal } from "../services/audit/record-anonymous-refusal";
import { FAILURE_WINDOW_MS, SIGN_IN_ACTION, recentSignInFailures } from "../services/auth/sign-in-failures";
import { getAuth } from "./auth";
import { clientAddress } from "./client-address";
import { CLIENT_IP_HEADER } from "./client-ip-header";
import { logger } from "../log";

const log = (requestId: string, what: string, e: unknown) => logger(`request ${requestId}`).error(what, e);

function emailOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const email = parsed && typeof parsed === "object" && "email" in parsed ? parsed.email : null;
    return typeof email === "string" && email.length <= 320 ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

export async function handleAuthRequest(req: Request): Promise<Response> {
  const method = req.method === "GET" ? "GET" : "POST";
  const path = new URL(req.url).pathname.replace(/^\/api\/auth/, "");
  const ip = clientAddress(req.headers);
  const requestId = requestIdOf(req.headers);
  const headers = new Headers(req.headers);
  headers.delete(CLIENT_IP_HEADER);
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  headers.set("x-request-id", requestId);
  const body = method === "POST" ? await req.text() : undefined;
  const prisma = getPrisma();

  const signIn = method === "POST" && path === "/sign-in/email";
  const email = signIn && body ? emailOf(body) : null;
  if (email) {
    const failures = await recentSignInFailures({ prisma, email });
    if (failures.count >= env().TERN_SIGNIN_FAILURES_PER_ACCOUNT) {
      const retryAfter = Math.max(
        1,
        Math.ceil(((failures.oldest?.getTime() ?? Date.now()) + FAILURE_WINDOW_MS - Date.now()) / 1000),
      );
      await recordAnonymousRefusal({
        prisma,
        ip,
        action: `${SIGN_IN_ACTION} (account locked)`,
        requestId,
        reason: "too many failed sign-ins",
      }).catch((e: unknown) => log(requestId, "audit write failed", e));
      return Response.json(
        {
          code: "ACCOUNT_LOCKED",
          message: `too many failed sign-ins for this account; wait ${Math.ceil(retryAfter / 60)} minutes and try again, or ask an admin`,
        },
        { status: 429, headers: { "retry-after": String(retryAfter) } },
      );
    }
  }
  const signOutUser =
    method === "POST" && path === "/sign-out"
      ? await getAuth()
          .api.getSession({ headers })
          .catch(() => null)
      : null;

  const forwarded = new Request(req.url, { method, headers, body, signal: req.signal });
  const res = await toNextJsHandler(getAuth())[method](forwarded);

  if (email && (res.status === 401 || res.status === 403)) {
    // A wrong password: counted against the account (the limit above) and kept for the admins.
    await recordAuditEvent({
      prisma,
      teamId: null,
      actorId: null,
      actorEmail: email,
      action: SIGN_IN_ACTION,
      outcome: "DENIED",
      requestId,
      ip,
      details: { reason: "wrong email or password", status: res.status },
    }).catch((e: unknown) => log(requestId, "audit write failed", e));
  } else if (res.status === 429) {
    const action = email ? `${SIGN_IN_ACTION} (address rate limited)` : path;
    await recordAnonymousRefusal({ prisma, ip, action, requestId, reason: "rate limited" }).catch((e: unknown) =>
      log(requestId, "audit write failed", e),
    );
  }
  if (signOutUser && res.ok) {
    await recordAuditEvent({
      prisma,
      teamId: null,
      actorId: signOutUser.user.id,
      actorEmail: signOutUser.user.email,
      action: "auth.sign-out",
      outcome: "SUCCESS",
      requestId,
      ip,
    }).catch((e: unknown) => log(requestId, "audit write failed", e));
  }
  return res;
}
