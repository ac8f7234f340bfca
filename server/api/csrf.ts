// Cross-site request forgery guard for tRPC: mutations must be JSON POSTs from the app's own origin.
import { bearerToken } from "../auth/api-token";
// A request with `Authorization: Bearer` is exempt: it authenticates with that token only (the cookie is never
// read then), and a cross-site page cannot set the header without a CORS preflight, which Tern never grants.
export function csrfProblem(req: Request, allowedOrigins: string[] = []): string | null {
  if (req.method !== "POST") return null;
  if (bearerToken(req.headers) !== null) return null;
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) return "mutations must be sent as application/json";
  const origin = req.headers.get("origin");
  if (!origin) return "mutations must come from a browser page of this app (no Origin header)";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "the Origin header is not a URL";
  }
  if (originHost === host) return null;
  if (allowedOrigins.some((o) => o === origin)) return null;
  return `requests from ${origin} are not accepted; use Tern's own pages`;
}
