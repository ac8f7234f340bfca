// The session-signing secret: from TERN_AUTH_SECRET, or generated once into the embedded data folder.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isEmbedded } from "../env";

export function authSecret(): string {
  const fromEnv = env().TERN_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (!isEmbedded()) {
    throw new Error("TERN_AUTH_SECRET is required with DATABASE_URL; generate one with `openssl rand -base64 32`");
  }
  const dir = env().TERN_DATA_DIR;
  const file = path.join(dir, "auth.secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64");
  fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
