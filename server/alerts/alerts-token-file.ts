// The bearer token Alertmanager sends to Tern's webhook receiver in embedded mode: generated once into the data
// folder (0600), read by the app (to check it) and by `npm start` (to put it in the local Alertmanager's config).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const ALERTS_TOKEN_FILE = "alerts.token";

export function ensureAlertsTokenFile(dataDir: string): string {
  const file = path.join(dataDir, ALERTS_TOKEN_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another process wrote it first
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** The token the receiver accepts: TERN_ALERTS_TOKEN, else (embedded) the generated one; null means closed. */
export function alertsToken(opts: { configured?: string; dataDir: string; embedded: boolean }): string | null {
  if (opts.configured) return opts.configured;
  return opts.embedded ? ensureAlertsTokenFile(opts.dataDir) : null;
}
