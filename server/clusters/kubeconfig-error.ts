// The error raised for a refused or unreadable kubeconfig, and helpers for its messages.

export type KubeconfigErrorCode =
  | "INVALID_YAML"
  | "TOO_LARGE"
  | "INVALID_KUBECONFIG"
  | "NO_CONTEXT"
  | "EXEC_NOT_ALLOWED"
  | "AUTH_PROVIDER_NOT_ALLOWED"
  | "FILE_REFERENCE_NOT_ALLOWED"
  | "IMPERSONATION_NOT_ALLOWED"
  | "NO_CREDENTIALS"
  | "INVALID_CREDENTIALS"
  | "INVALID_SERVER";

/** A refused or unreadable kubeconfig. Messages name fields and entries, never secret values. */
export class KubeconfigError extends Error {
  constructor(
    readonly code: KubeconfigErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "KubeconfigError";
  }
}

export const RAW_HINT = "`kubectl config view --raw --flatten --minify`";
export const STATIC_HINT = "paste a kubeconfig with a static token or client certificate, e.g. from a service account";

export function fail(code: KubeconfigErrorCode, message: string): never {
  throw new KubeconfigError(code, message);
}

/** Names come from pasted text: shown without control characters and cut short. */
export function shown(name: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "");
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
