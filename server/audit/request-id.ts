// The request id in logs and audit rows: the client's x-request-id only if it looks like one, else new.
import { randomUUID } from "node:crypto";

export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}
