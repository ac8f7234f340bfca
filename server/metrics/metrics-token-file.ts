// The bearer token of Tern's /metrics in embedded mode: generated once into the data folder (0600), read by
// the app (to check it) and by `npm start` (to put it in the local Prometheus' scrape config).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const METRICS_TOKEN_FILE = "metrics.token";

export function ensureMetricsTokenFile(dataDir: string): string {
  const file = path.join(dataDir, METRICS_TOKEN_FILE);
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
