// Verifies AWS Signature Version 4 Authorization headers as S3 does, so the simulated object stores accept
// exactly what a real bucket accepts from @aws-sdk/client-s3: the right cloud's key, region and signature.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface S3Key {
  accessKeyId: string;
  secretAccessKey: string;
}

export type SigV4Result =
  | { ok: true; accessKeyId: string }
  | {
      ok: false;
      code:
        | "AccessDenied"
        | "InvalidAccessKeyId"
        | "SignatureDoesNotMatch"
        | "AuthorizationHeaderMalformed"
        | "RequestTimeTooSkewed";
      message: string;
    };

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 15 * 60 * 1000;

/** RFC 3986 percent-encoding, as SigV4 canonical query strings use it. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalQuery(search: string): string {
  const pairs = [...new URLSearchParams(search)].map(([k, v]) => [encode(k), encode(v)] as const);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const sha256Hex = (data: string) => createHash("sha256").update(data).digest("hex");

/**
 * Checks the request's signature with the secret of `keys[accessKeyId]`, and that the key's scope names
 * `region`. rawPath is the path exactly as sent (S3 signs it without normalising or double-encoding).
 */
export function verifySigV4(req: {
  method: string;
  rawPath: string;
  search: string;
  headers: IncomingHttpHeaders;
  region: string;
  keys: ReadonlyMap<string, S3Key>;
  now?: number;
}): SigV4Result {
  const auth = req.headers.authorization;
  if (!auth) return { ok: false, code: "AccessDenied", message: "Access Denied (the request is not signed)" };
  const m = AUTH.exec(auth.trim());
  if (!m)
    return {
      ok: false,
      code: "AuthorizationHeaderMalformed",
      message: "The authorization header is malformed; expected AWS4-HMAC-SHA256",
    };
  const [, accessKeyId, date, region, signedHeaders, signature] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const key = req.keys.get(accessKeyId);
  if (!key)
    return {
      ok: false,
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
    };
  if (region !== req.region)
    return {
      ok: false,
      code: "AuthorizationHeaderMalformed",
      message: `The authorization header is malformed; the region '${region}' is wrong; expecting '${req.region}'`,
    };
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (!amzDate.startsWith(date) || Number.isNaN(at))
    return {
      ok: false,
      code: "AuthorizationHeaderMalformed",
      message: "x-amz-date is missing or does not match the credential scope date",
    };
  if (Math.abs((req.now ?? Date.now()) - at) > MAX_SKEW_MS)
    return {
      ok: false,
      code: "RequestTimeTooSkewed",
      message: "The difference between the request time and the current time is too large.",
    };
  const names = signedHeaders.split(";");
  if (!names.includes("host"))
    return { ok: false, code: "AuthorizationHeaderMalformed", message: "SignedHeaders must include host" };
  const canonicalHeaders = names
    .map((n) => {
      const v = req.headers[n];
      const value = Array.isArray(v) ? v.join(",") : (v ?? "");
      return `${n}:${value.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "UNSIGNED-PAYLOAD");
  const canonical = [
    req.method,
    req.rawPath,
    canonicalQuery(req.search),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonical)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${key.secretAccessKey}`, date), region), "s3"), "aws4_request");
  const expected = hmac(signingKey, toSign);
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      ok: false,
      code: "SignatureDoesNotMatch",
      message:
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    };
  return { ok: true, accessKeyId };
}
