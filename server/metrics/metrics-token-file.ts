// The bearer token of Tern's /metrics in embedded mode: generated once into the data folder (0600), read by
// the app (to check it) and by `npm start` (to put it in the local Prometheus' scrape config).
import { ensureGeneratedTokenFile } from "../crypto/generated-token-file";

export const METRICS_TOKEN_FILE = "metrics.token";

export function ensureMetricsTokenFile(dataDir: string): string {
  return ensureGeneratedTokenFile(dataDir, METRICS_TOKEN_FILE);
}
