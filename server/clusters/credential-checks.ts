// API URL, TLS and credential checks shared by kubeconfig import and the "API URL + token" path.
import { fail, RAW_HINT, shown } from "./kubeconfig-error";

export interface ClusterCredentials {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  certificateAuthorityData?: string;
  username?: string;
  password?: string;
}

export interface ExtractedCredentials {
  /** Normalised API URL: origin plus any path prefix, without a trailing slash. */
  apiServer: string;
  credentials: ClusterCredentials;
  insecureSkipTlsVerify: boolean;
  isLoopback: boolean;
  /** Plain http or skipped TLS verification to a non-loopback host: an admin must confirm. */
  tlsNeedsConfirmation: boolean;
}

export interface ApiServer {
  apiServer: string;
  isLoopback: boolean;
  plainHttp: boolean;
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  // WHATWG URL has already normalised 127.1, 0x7f.0.0.1 and [0:0::1] to canonical forms.
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Checks an API URL (`where` names its source in messages) and says whether it is loopback. */
export function parseApiServer(raw: string | undefined, where: string): ApiServer {
  const example = "e.g. https://203.0.113.10:6443";
  if (!raw) {
    fail("INVALID_SERVER", `${where} is missing; set it to the Kubernetes API URL, ${example}`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The text is not echoed: a broken URL may still carry a password.
    return fail("INVALID_SERVER", `${where} is not a valid URL; expected the Kubernetes API URL, ${example}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    fail("INVALID_SERVER", `${where} must start with https:// (got ${shown(url.protocol)}//); ${example}`);
  }
  if (url.username || url.password) {
    fail(
      "INVALID_SERVER",
      `${where} must not contain a user name or password; put credentials in the user entry or token field`,
    );
  }
  if (url.search || url.hash) {
    fail("INVALID_SERVER", `${where} must not have a query (?...) or fragment (#...); ${example}`);
  }
  return {
    apiServer: `${url.origin}${url.pathname.replace(/\/+$/, "")}`,
    isLoopback: isLoopbackHost(url.hostname),
    plainHttp: url.protocol === "http:",
  };
}

/** Accepts base64-of-PEM (kubeconfig style) or a pasted PEM; returns base64-of-PEM. */
export function pemData(value: string | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  const base64 = value.startsWith("-----BEGIN")
    ? Buffer.from(`${value.trimEnd()}\n`).toString("base64")
    : value.replace(/\s+/g, "");
  const isPem =
    /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && Buffer.from(base64, "base64").toString("latin1").startsWith("-----BEGIN");
  if (!isPem) fail("INVALID_CREDENTIALS", `${what} is not base64-encoded PEM; copy it again from ${RAW_HINT}`);
  return base64;
}

export function checkToken(token: string | undefined, what: string): string | undefined {
  if (token !== undefined && /\s/.test(token)) {
    fail(
      "INVALID_CREDENTIALS",
      `${what} contains spaces or line breaks; paste only the token itself, without 'Bearer '`,
    );
  }
  return token;
}

/** Validates the skip-verify flag; refuses it together with a CA, as kubectl does. */
export function insecureFlag(value: unknown, hasCa: boolean, where: string): boolean {
  if (value !== undefined && value !== null && typeof value !== "boolean") {
    fail("INVALID_KUBECONFIG", `${where} insecure-skip-tls-verify must be true or false`);
  }
  if (value === true && hasCa) {
    // Storing both would leave it unclear which one the driver should honour.
    fail("INVALID_KUBECONFIG", `${where} sets both insecure-skip-tls-verify and a CA certificate; remove one of them`);
  }
  return value === true;
}

export function assemble(
  server: ApiServer,
  credentials: ClusterCredentials,
  insecureSkipTlsVerify: boolean,
): ExtractedCredentials {
  const present = Object.fromEntries(
    Object.entries(credentials).filter(([, value]) => value !== undefined),
  ) as ClusterCredentials;
  return {
    apiServer: server.apiServer,
    credentials: present,
    insecureSkipTlsVerify,
    isLoopback: server.isLoopback,
    tlsNeedsConfirmation: (server.plainHttp || insecureSkipTlsVerify) && !server.isLoopback,
  };
}

/** The "API URL + token" path, with the same URL, loopback and TLS rules as a kubeconfig. */
export function credentialsFromToken(input: {
  apiServer: string;
  token: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify?: boolean;
}): ExtractedCredentials {
  const server = parseApiServer(input.apiServer.trim(), "the API URL");
  const token = checkToken(input.token.trim() || undefined, "the token");
  if (!token) {
    fail(
      "NO_CREDENTIALS",
      "the token is empty; paste a service account token, e.g. from `kubectl create token <service-account>`",
    );
  }
  const ca = pemData(input.certificateAuthorityData?.trim() || undefined, "the CA certificate");
  const insecure = insecureFlag(input.insecureSkipTlsVerify, ca !== undefined, "the connection");
  return assemble(server, { token, certificateAuthorityData: ca }, insecure);
}
