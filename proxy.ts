// Next.js proxy (formerly middleware): gives every page response a fresh CSP nonce. Next.js reads the nonce from
// the request's Content-Security-Policy header and puts it on its own scripts; the root layout passes x-nonce on
// to the theme script. The two embed routes set their own CSP (per team frame-ancestors) and are left alone.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./server/http/content-security-policy";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but static assets and the two embed routes (/embed/<token>, /api/embed/<token>/svg).
      source: "/((?!_next/static|_next/image|favicon.ico|embed/[^/]+/?$|api/embed/[^/]+/svg/?$).*)",
    },
  ],
};
