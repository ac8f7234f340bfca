// Starts this process's change feed once when Tern runs on a PostgreSQL server (DATABASE_URL); embedded
// mode keeps the in-process bus only.
import { env } from "../../env";
import { logger } from "../../log";
import { startChangeFeed, type ChangeFeed } from "./change-feed";

const KEY = Symbol.for("tern.changeFeed");
const store = globalThis as typeof globalThis & { [KEY]?: ChangeFeed };

export function ensureChangeFeed(): ChangeFeed | null {
  const url = env().DATABASE_URL;
  if (!url) return null;
  const log = logger("change-feed");
  store[KEY] ??= startChangeFeed({ databaseUrl: url, log: (level, m) => log[level](m) });
  return store[KEY];
}

export async function stopChangeFeed(): Promise<void> {
  const feed = store[KEY];
  delete store[KEY];
  await feed?.stop();
}
