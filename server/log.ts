// The server's one logger (pino): `[tern] scope: message` lines or JSON, secrets redacted by key.
import pino, { type DestinationStream, type Logger } from "pino";
import { errorMessage } from "./domain/error-message";
import { env } from "./env";

export { errorMessage };

const REDACT = [
  "token",
  "password",
  "secret",
  "authorization",
  "cookie",
  "*.token",
  "*.password",
  "*.secret",
  "*.authorization",
  "*.cookie",
];

/** Writes pino's JSON lines as `[tern] scope: message` (stderr for warn and above), for a terminal. */
function textDestination(): DestinationStream {
  return {
    write(line: string) {
      const {
        level,
        time: _time,
        scope,
        msg,
        err,
        ...fields
      } = JSON.parse(line) as Record<string, unknown> & { level: number; scope?: string; msg?: string; err?: string };
      const extra = Object.entries(fields).map(([k, v]) => ` ${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
      const text = `[tern] ${scope ? `${scope}: ` : ""}${msg ?? ""}${err ? `: ${err}` : ""}${extra.join("")}\n`;
      (level >= 40 ? process.stderr : process.stdout).write(text);
    },
  };
}

let root: Logger | undefined;

function rootLogger(): Logger {
  const { TERN_LOG_FORMAT, TERN_LOG_LEVEL } = env();
  root ??= pino(
    {
      level: TERN_LOG_LEVEL,
      base: undefined,
      redact: { paths: REDACT, censor: "[redacted]" },
      formatters: { level: (label, n) => (TERN_LOG_FORMAT === "json" ? { level: label } : { level: n }) },
    },
    TERN_LOG_FORMAT === "json" ? { write: (line: string) => void process.stdout.write(line) } : textDestination(),
  );
  return root;
}

export interface Log {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  /** `err` is reduced to its message: a stack or a cause can carry a credential. */
  error(msg: string, err?: unknown, fields?: Record<string, unknown>): void;
}

/** A logger whose lines name `scope` ("reconciler", "request 3f2c…"). */
export function logger(scope?: string): Log {
  let cached: Logger | undefined;
  const child = () => (cached ??= scope ? rootLogger().child({ scope }) : rootLogger());
  return {
    debug: (msg, fields) => child().debug(fields ?? {}, msg),
    info: (msg, fields) => child().info(fields ?? {}, msg),
    warn: (msg, fields) => child().warn(fields ?? {}, msg),
    error: (msg, err, fields) =>
      child().error({ ...fields, ...(err === undefined ? {} : { err: errorMessage(err) }) }, msg),
  };
}
