// A bearer token generated once into the data folder (folder 0700, file 0600) for a local peer of embedded mode:
// the app reads it to check requests, `npm start` reads it to hand it to the local Prometheus or Alertmanager.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The token in <dataDir>/<fileName>, written first (32 random bytes, base64url) when the file is missing. */
export function ensureGeneratedTokenFile(dataDir: string, fileName: string): string {
  const file = path.join(dataDir, fileName);
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
