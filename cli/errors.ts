// The CLI's exit codes (documented in the README) and the one error type that carries them.
export const EXIT = {
  OK: 0,
  /** The operation ran and failed: a migration rolled back, a plan was refused, the server failed. */
  FAILED: 1,
  /** The command line was wrong (unknown flag, missing argument, bad value) or the server refused the input. */
  USAGE: 2,
  /** Not logged in, a bad or expired token, or a missing scope or role. */
  AUTH: 3,
  /** The deployment, cluster, model or migration named does not exist in the team. */
  NOT_FOUND: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The exit code for an HTTP status of the REST API. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return EXIT.AUTH;
  if (status === 404) return EXIT.NOT_FOUND;
  if (status === 400) return EXIT.USAGE;
  return EXIT.FAILED;
}
