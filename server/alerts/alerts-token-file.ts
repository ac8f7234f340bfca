// The bearer token Alertmanager sends to Tern's webhook receiver in embedded mode: generated once into the data
// folder (0600), read by the app (to check it) and by `npm start` (to put it in the local Alertmanager's config).
import { ensureGeneratedTokenFile } from "../crypto/generated-token-file";

export const ALERTS_TOKEN_FILE = "alerts.token";

export function ensureAlertsTokenFile(dataDir: string): string {
  return ensureGeneratedTokenFile(dataDir, ALERTS_TOKEN_FILE);
}

/** The token the receiver accepts: TERN_ALERTS_TOKEN, else (embedded) the generated one; null means closed. */
export function alertsToken(opts: { configured?: string; dataDir: string; embedded: boolean }): string | null {
  if (opts.configured) return opts.configured;
  return opts.embedded ? ensureAlertsTokenFile(opts.dataDir) : null;
}
