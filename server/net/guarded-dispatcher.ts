// undici pieces that make an outbound HTTP client safe against SSRF: every connection's address is checked after
// DNS resolution (guardedLookup), IP-literal origins before connecting, and a redirect fails the request instead
// of being followed (a redirect could point anywhere, metadata services included).
import type { IncomingHttpHeaders } from "node:http";
import { Agent, type Dispatcher } from "undici";
import { guardedLookup } from "./guarded-lookup";
import { hostnameOf, RefusedAddressError, refusedHostReason } from "./refused-address";

export const REDIRECT_CODE = "ERR_TERN_REDIRECT_REFUSED";

export class RedirectRefusedError extends Error {
  readonly code = REDIRECT_CODE;
  constructor(readonly status: number) {
    super(`answered with a redirect (HTTP ${status}); Tern does not follow redirects, so enter the final URL`);
    this.name = "RedirectRefusedError";
  }
}

type Controller = Dispatcher.DispatchController;

/** Passes everything through except a 3xx answer, which aborts the request with RedirectRefusedError. */
class NoRedirectHandler implements Dispatcher.DispatchHandler {
  constructor(private readonly inner: Dispatcher.DispatchHandler) {}
  onRequestStart(c: Controller, context: unknown) {
    this.inner.onRequestStart?.(c, context);
  }
  onRequestUpgrade(c: Controller, status: number, headers: IncomingHttpHeaders, socket: import("node:stream").Duplex) {
    this.inner.onRequestUpgrade?.(c, status, headers, socket);
  }
  onResponseStart(c: Controller, status: number, headers: IncomingHttpHeaders, message?: string) {
    if (status >= 300 && status < 400) {
      c.abort(new RedirectRefusedError(status));
      return;
    }
    this.inner.onResponseStart?.(c, status, headers, message);
  }
  onResponseData(c: Controller, chunk: Buffer) {
    this.inner.onResponseData?.(c, chunk);
  }
  onResponseEnd(c: Controller, trailers: IncomingHttpHeaders) {
    this.inner.onResponseEnd?.(c, trailers);
  }
  onResponseError(c: Controller, err: Error) {
    this.inner.onResponseError?.(c, err);
  }
}

/** Interceptor for `dispatcher.compose(…)`: refuses metadata origins given as IP literals (no DNS lookup runs for those) and redirects. */
export const refuseUnsafeTargets: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
  const host = hostnameOf(String(opts.origin ?? ""));
  const reason = host ? refusedHostReason(host) : null;
  if (reason) {
    handler.onResponseError?.(
      null as unknown as Controller,
      new RefusedAddressError(`${reason}; Tern does not connect to it`),
    );
    return true;
  }
  return dispatch(opts, new NoRedirectHandler(handler));
};

/** Connect options that check each resolved address (merge into an undici Agent's `connect`). */
export const guardedConnect = { lookup: guardedLookup } as const;

/** An undici dispatcher with both guards, for plain HTTP clients such as the Prometheus one. */
export function createGuardedDispatcher(): Dispatcher {
  return new Agent({ connect: guardedConnect }).compose(refuseUnsafeTargets);
}
